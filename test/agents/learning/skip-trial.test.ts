import { describe, expect, it } from 'vitest';
import { learnedStrategy } from '../../../agents/learning/learned-strategy.js';
import type { LearningAction } from '../../../agents/learning/learning-action.js';
import { createLearnerState, recordOutcome } from '../../../agents/learning/outcome-counts.js';
import { SKIP_TRIAL_RATE, SKIP_WARMUP } from '../../../agents/learning/skip-trial.js';
import { send } from './learning-fixtures.js';

const TABLE = { strategy: { techniques: [{ code: '3.2', name: 'Social support (practical)' }], rationale: 'table' } };
const ALLOWED: LearningAction[] = [send('3.2', 'sms'), send('12.1', 'sms'), { kind: 'skip' }];
const RUNS = 2000;

/** Sends with outcomes, and `skips` decided outcomes of skipped runs (none achieved). */
function stateWith(skips: number) {
  const state = createLearnerState();
  for (let i = 0; i < 20; i++) {
    recordOutcome(state, { subject: 'peer', barrier: 'cost', action: send('3.2', 'sms'), achieved: i % 2 === 0 });
    recordOutcome(state, { subject: 'peer', barrier: 'cost', action: send('12.1', 'sms'), achieved: i % 3 === 0 });
  }
  for (let i = 0; i < skips; i++) {
    recordOutcome(state, { subject: 'peer', barrier: 'cost', action: { kind: 'skip' }, achieved: false });
  }
  return state;
}

const choose = (state: ReturnType<typeof stateWith>, seed: string) =>
  learnedStrategy({
    mode: 'on',
    state,
    subject: 's1',
    barrier: 'cost',
    allowed: ALLOWED,
    table: { ...TABLE, channel: 'sms' },
    seed,
  });

describe('trying to send nothing until skipped runs have outcomes', () => {
  it('tries skip in about SKIP_TRIAL_RATE of runs, as an exploration that says why', () => {
    const state = stateWith(SKIP_WARMUP - 1);
    const runs = Array.from({ length: RUNS }, (_, i) => choose(state, `run-${i}`));
    const skipped = runs.filter((r) => r.record.used.technique === 'skip');
    expect(skipped.length / RUNS).toBeGreaterThan(SKIP_TRIAL_RATE / 2);
    expect(skipped.length / RUNS).toBeLessThan(SKIP_TRIAL_RATE * 2);
    for (const r of skipped) {
      expect(r.record).toMatchObject({ explored: true, skipUnobserved: false, skipTrial: true });
      expect(r.strategy.techniques).toEqual([]);
      expect(r.strategy.rationale).toMatch(
        new RegExp(
          `^Learning \\(explored\\): Chose to send nothing, to learn what follows without a message: ${SKIP_WARMUP - 1} of the ${SKIP_WARMUP} `,
        ),
      );
      expect(r.record.candidates.some((c) => c.technique === 'skip')).toBe(true);
    }
    for (const r of runs.filter((x) => x.record.used.technique !== 'skip')) {
      expect(r.record.skipUnobserved).toBe(true);
      expect(r.record.skipTrial).toBeUndefined();
    }
  });

  it('stops trying once the barrier has enough skip outcomes: then skip competes on its evidence', () => {
    // Ten skipped runs, none followed by the behaviour: skip now loses the draw nearly always.
    const state = stateWith(SKIP_WARMUP);
    const runs = Array.from({ length: 400 }, (_, i) => choose(state, `run-${i}`));
    expect(runs.every((r) => !r.record.skipUnobserved && !r.record.skipTrial)).toBe(true);
    expect(runs.filter((r) => r.record.used.technique === 'skip').length).toBeLessThan(4);
  });

  it('never tries it on a cold start, where the design table decides', () => {
    const runs = Array.from({ length: 400 }, (_, i) => choose(createLearnerState(), `run-${i}`));
    expect(runs.every((r) => r.record.coldStart && r.record.used.technique === '3.2')).toBe(true);
  });
});
