import { loadBarrierModel } from '../../agents/barrier/load-model.js';
import { diagnoseSignals } from '../../agents/barrier/offline-diagnosis.js';
import type { Signal } from '../../src/domain/compose.js';
import { selectIds, sensibleSelection, submitDiagnosis, submitReview } from '../../test/support/model-scripts.js';
import {
  byAgent,
  type ChatRequest,
  dataIn,
  type Script,
  startScriptedOpenAI,
} from '../../test/support/scripted-openai.js';

/**
 * A model that answers every agent at once with a valid tool call: the diagnosis the offline engine would
 * give (memoised per signal set, so the server does no classifying on the timed path), a sensible block
 * selection from the candidates it was shown, and a review with no findings.
 */
function instantModelScript(): Script {
  const model = loadBarrierModel().model;
  const seen = new Map<string, unknown>();
  const diagnose = (req: ChatRequest) => {
    const signals = dataIn<Array<Signal & { index: number }>>(req, 'signals');
    const key = JSON.stringify(signals);
    let answer = seen.get(key);
    if (!answer) {
      const d = diagnoseSignals(model, signals);
      answer = {
        barrier: d.barrier,
        confidence: d.confidence,
        evidence: signals.map((s) => ({ signal: s.index, type: s.type })),
        alternatives: d.alternatives,
      };
      seen.set(key, answer);
    }
    return submitDiagnosis(answer);
  };
  return byAgent({
    diagnosis: diagnose,
    selection: (req) => selectIds(sensibleSelection(req)),
    review: () => submitReview({ findings: [] }),
  });
}

/** The scripted OpenAI-compatible server with the instant script, and the env that points the engines at it. */
export async function startInstantModel() {
  const server = await startScriptedOpenAI(instantModelScript());
  return {
    server,
    env: {
      NOF1_MODEL_BASE_URL: server.baseUrl,
      NOF1_MODEL: 'scripted-model',
      NOF1_MODEL_TIMEOUT_MS: 5000,
      NOF1_MODEL_MAX_RETRIES: 0,
    },
  };
}
