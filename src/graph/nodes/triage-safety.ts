import { freeTexts } from '../../../agents/safety/free-texts.js';
import { traced } from '../../../agents/traced.js';
import type { AgentReport, SafetyTriageEngine } from '../../domain/engines.js';
import type { RunState } from '../../domain/run-state.js';
import type { SafetyFinding, SafetyTriage } from '../../domain/safety.js';

/** The engine's failure as a hold reason may carry it: its class and a short message, never request text. */
const failureOf = (err: unknown) => {
  const name = err instanceof Error ? err.name : 'Error';
  const message = err instanceof Error ? err.message : String(err);
  return `${name}: ${message.replace(/[^\w .:,()-]/g, ' ').slice(0, 120)}`.trim();
};

/** The engine's answer, or a timeout error once `ms` have passed: a triage that never answers holds the run. */
async function within<T>(ms: number | undefined, work: Promise<T>): Promise<T> {
  if (!ms) return work;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`safety triage timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Safety comes before persuasion: every free text of the (redacted) request is triaged in the subject's
 * locale before diagnosis. Findings go to state and the trace as kinds, signal indexes, scores and cues,
 * never the text. An engine that fails finds nothing it can vouch for, so the run is held for a person.
 */
export function createTriageSafetyNode(deps: { engine: SafetyTriageEngine; timeoutMs?: number }) {
  return traced('triage_safety', 'safety', async (state: RunState) => {
    const req = state.request!;
    const locale = state.context!.locale;
    const texts = freeTexts(req.signals);
    let safety: SafetyTriage;
    let report: AgentReport = { engine: deps.engine.name, toolCalls: [], modelCalls: [] };
    try {
      const triaged = await within(deps.timeoutMs, deps.engine.triage({ texts, locale }));
      const findings: SafetyFinding[] = triaged.findings.map((f) => ({
        kind: f.kind,
        score: Math.round(f.score * 1000) / 1000,
        source: f.source,
        cues: [...f.cues],
        signalIndex: f.signalIndex,
        signalType: f.signalType,
      }));
      // Part of the engine (a model) could not read the texts: what it found stands, and a person decides.
      const failed = triaged.report.engineError;
      safety = { findings, error: failed ? `engine: ${failed.replace(/[^\w .:,()-]/g, ' ').slice(0, 120)}` : null };
      report = triaged.report;
    } catch (err) {
      safety = { findings: [], error: failureOf(err) };
    }
    return {
      update: { safety },
      input: { locale, texts: texts.map((t) => ({ signalIndex: t.index, signalType: t.type })) },
      // The words triage read (redacted), beside the trace chain where erasure can reach them: a reviewer
      // of a safety hold reads them even when no other step did.
      personal: { signalData: req.signals.map((sig) => sig.data ?? null) },
      output: {
        kinds: [...new Set(safety.findings.map((f) => f.kind))],
        findings: safety.findings,
        error: safety.error,
      },
      report,
    };
  });
}
