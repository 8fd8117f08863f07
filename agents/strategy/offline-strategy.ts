import type { Strategy } from '../../src/domain/compose.js';
import type { StrategyEngine, StrategyInput } from '../../src/domain/engines.js';
import { BARRIER_PLAN } from './barrier-techniques.js';
import { bct } from './bct-taxonomy.js';

const MAX_TECHNIQUES = 3;

/** Chooses 1–3 techniques for the barrier, preferring ones the subject has not had in the window. */
export function planTechniques(input: StrategyInput): Strategy {
  const { barrier } = input.diagnosis;
  if (barrier === 'none') {
    return { techniques: [], rationale: 'No barrier was found, so no message is sent (engagement restraint).' };
  }
  const plan = BARRIER_PLAN[barrier];
  const recent = new Set(input.history.recentMessages.flatMap((m) => m.techniques));
  const fresh = plan.bcts.filter((c) => !recent.has(c));
  const repeated = plan.bcts.filter((c) => recent.has(c));
  // A technique the subject got this week is repeated only when the barrier has no fresh alternative.
  const chosen = (fresh.length ? fresh : repeated).slice(0, MAX_TECHNIQUES);
  const techniques = chosen.map((code) => ({ code, name: bct(code).name }));
  const skipped = repeated.length
    ? ` ${repeated.join(', ')} ${repeated.length === 1 ? 'was' : 'were'} used with this subject in the last week, so ${
        fresh.length ? 'fresher techniques are used instead' : 'they are repeated only because no alternative fits'
      }.`
    : '';
  return {
    techniques,
    rationale:
      `Barrier ${barrier} (COM-B: ${plan.comB}, confidence ${input.diagnosis.confidence.toFixed(2)}): ` +
      `the aim is to ${plan.aim}, using ${techniques.map((t) => `${t.code} ${t.name}`).join('; ')}.${skipped}`,
  };
}

export function createOfflineStrategyEngine(): StrategyEngine {
  return {
    name: 'offline',
    plan: async (input) => ({
      strategy: planTechniques(input),
      report: { engine: 'offline', toolCalls: [], modelCalls: [] },
    }),
  };
}
