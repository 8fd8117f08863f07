import type { RunSecretsStore } from '../src/graph/run-secrets.js';
import type { ComposeStateType } from '../src/graph/state.js';
import { traced } from '../src/graph/step-record.js';
import type { DiagnosisEngine } from './agent-types.js';
import { withFallback } from './with-fallback.js';

export type DiagnoseDeps = { offline: DiagnosisEngine; model?: DiagnosisEngine; secrets: RunSecretsStore };

/** The barrier-diagnosis agent: reads the raw signals from run memory, answers a redacted diagnosis. */
export function createDiagnoseNode(deps: DiagnoseDeps) {
  return traced('diagnose_barrier', 'barrier-diagnosis', async (state: ComposeStateType) => {
    const req = state.request!;
    const secrets = deps.secrets.get(state.runId);
    const input = {
      signals: secrets.signals,
      personalValues: secrets.personalValues,
      history: state.context!.history,
      program: req.program,
      audience: req.subject.audience,
      locale: req.locale,
    };
    const { diagnosis, report } = await withFallback(deps.model && (() => deps.model!.diagnose(input)), () =>
      deps.offline.diagnose(input),
    );
    return {
      update: { diagnosis },
      input: {
        signals: req.signals.map((sig, index) => ({ index, type: sig.type, at: sig.at ?? null })),
        earlierBarriers: input.history.recentBarriers.length,
      },
      personal: { signalData: req.signals.map((sig) => sig.data ?? null) },
      output: { diagnosis },
      report,
    };
  });
}
