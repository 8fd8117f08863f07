import type { ModelEngines } from '../domain/engines.js';
import type { ModelEnv } from './model-engines.js';

/** Whether a chat model is configured; without one every engine is the offline one. */
export const modelConfigured = (env: ModelEnv) => Boolean(env.NOF1_MODEL_BASE_URL && env.NOF1_MODEL);

/** The model SDK is loaded only when a model is configured, so an offline start never pays for it. */
export async function loadModelEngines(env: ModelEnv): Promise<ModelEngines | undefined> {
  return modelConfigured(env) ? (await import('./model-engines.js')).createModelEngines(env) : undefined;
}
