import { createModelDiagnosisEngine } from '../../agents/barrier/model-diagnosis.js';
import { createModelReviewer } from '../../agents/compliance/model-reviewer.js';
import { createModelSelectionEngine } from '../../agents/composer/model-selection.js';
import { createChatModel } from '../../agents/model/chat-model.js';
import type { ModelEngines } from '../domain/engines.js';
import type { Env } from '../env.js';

export type ModelEnv = Pick<
  Env,
  'NOF1_MODEL_BASE_URL' | 'NOF1_MODEL' | 'NOF1_MODEL_API_KEY' | 'NOF1_MODEL_TIMEOUT_MS' | 'NOF1_MODEL_MAX_RETRIES'
>;

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
  return {
    diagnosis: createModelDiagnosisEngine(model),
    selection: createModelSelectionEngine(model),
    reviewer: createModelReviewer(model),
  };
}
