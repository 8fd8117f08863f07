import type { Grader } from '../../evals/assertions/assertion-types.js';
import type { ModelEngines } from '../compose/compose-stack.js';
import type { ModelEnv } from './model-engines.js';

/** The model SDK is loaded only when a model is configured, so an offline start never pays for it. */
const configured = (env: ModelEnv) => Boolean(env.NOF1_MODEL_BASE_URL && env.NOF1_MODEL);

export async function loadModelEngines(env: ModelEnv): Promise<ModelEngines | undefined> {
  return configured(env) ? (await import('./model-engines.js')).createModelEngines(env) : undefined;
}

export async function loadModelGrader(env: ModelEnv): Promise<Grader | undefined> {
  return configured(env) ? (await import('../../evals/assertions/grader.js')).createModelGrader(env) : undefined;
}
