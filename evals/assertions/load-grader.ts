import { modelConfigured } from '../../src/compose/load-model-engines.js';
import type { ModelEnv } from '../../src/compose/model-engines.js';
import type { Grader } from './assertion-types.js';

/** The llm_rubric grader where a model is configured; the SDK is loaded only then. */
export async function loadModelGrader(env: ModelEnv): Promise<Grader | undefined> {
  return modelConfigured(env) ? (await import('./grader.js')).createModelGrader(env) : undefined;
}
