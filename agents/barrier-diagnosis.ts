import type { DiagnosisEngine } from '../src/domain/engines.js';
import type { RunSecretsReader } from '../src/domain/ports.js';
import type { RunState } from '../src/domain/run-state.js';
import { traced } from './traced.js';
import { withFallback } from './with-fallback.js';

export type DiagnoseDeps = { offline: DiagnosisEngine; model?: DiagnosisEngine; secrets: RunSecretsReader };

/** The barrier-diagnosis agent: reads the raw signals from run memory, answers a redacted diagnosis. */
export function createDiagnoseNode(deps: DiagnoseDeps) {
  return traced('diagnose_barrier', 'barrier-diagnosis', async (state: RunState) => {
    const req = state.request!;
    const secrets = deps.secrets.get(state.runId);
    const input = {
      signals: secrets.signals,
      personalValues: secrets.personalValues,
      modelTime: secrets.modelTime,
      history: state.context!.history,
      program: req.program,
      audience: req.subject.audience,
      locale: state.context!.locale,
    };
    const { diagnosis, report } = await withFallback(deps.model && (() => deps.model!.diagnose(input)), () =>
      deps.offline.diagnose(input),
    );
    return {
      update: { diagnosis },
      input: {
        locale: input.locale,
        signals: req.signals.map((sig, index) => ({ index, type: sig.type, at: sig.at ?? null })),
        earlierBarriers: input.history.recentBarriers.length,
      },
      personal: { signalData: req.signals.map((sig) => sig.data ?? null) },
      output: { diagnosis },
      report,
    };
  });
}
