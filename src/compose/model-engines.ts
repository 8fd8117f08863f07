import { createModelDiagnosisEngine } from '../../agents/barrier/model-diagnosis.js';
import { createModelReviewer } from '../../agents/compliance/model-reviewer.js';
import { createModelSelectionEngine } from '../../agents/composer/model-selection.js';
import { createChatModel } from '../../agents/model/chat-model.js';
import { createModelGuard } from '../../agents/model/model-guard.js';
import { createModelSafetyEngine } from '../../agents/safety/model-safety-engine.js';
import { createOfflineSafetyEngine } from '../../agents/safety/offline-safety-engine.js';
import type { ModelEngines } from '../domain/engines.js';
import type { Env } from '../env.js';

export type ModelEnv = Pick<
  Env,
  | 'NOF1_MODEL_BASE_URL'
  | 'NOF1_MODEL'
  | 'NOF1_MODEL_API_KEY'
  | 'NOF1_MODEL_TIMEOUT_MS'
  | 'NOF1_MODEL_MAX_RETRIES'
  | 'NOF1_MODEL_BREAKER_COOLDOWN_MS'
  | 'NOF1_MODEL_SAFETY'
>;

/** Failures in a row (not timeouts: one of those is enough) that open the model's circuit. */
const FAILURES_TO_OPEN = 3;

/** The model engines when a model is configured; undefined keeps every agent offline (the default). */
export function createModelEngines(env: ModelEnv): ModelEngines | undefined {
  if (!env.NOF1_MODEL_BASE_URL || !env.NOF1_MODEL) return undefined;
  const model = createChatModel({
    baseUrl: env.NOF1_MODEL_BASE_URL,
    model: env.NOF1_MODEL,
    apiKey: env.NOF1_MODEL_API_KEY,
    timeoutMs: env.NOF1_MODEL_TIMEOUT_MS,
    maxRetries: env.NOF1_MODEL_MAX_RETRIES,
  });
  // One guard for the one model every agent calls: a timeout seen by one agent spares the others.
  const guard = createModelGuard({ cooldownMs: env.NOF1_MODEL_BREAKER_COOLDOWN_MS, failuresToOpen: FAILURES_TO_OPEN });
  return {
    diagnosis: createModelDiagnosisEngine(model, guard),
    selection: createModelSelectionEngine(model, guard),
    reviewer: createModelReviewer(model, guard),
    // Triage asks the model beside the offline engine, never instead of it: a model finding only adds one,
    // and a model that fails or hangs (its own timeout) holds the run through `engineError`. Opt-in: with a
    // model that is often down, every run would wait for a person.
    ...(env.NOF1_MODEL_SAFETY
      ? {
          safety: createModelSafetyEngine({
            model,
            offline: createOfflineSafetyEngine(),
            timeoutMs: env.NOF1_MODEL_TIMEOUT_MS,
          }),
        }
      : {}),
  };
}
