import type { AgentReport, ModelCallRecord } from '../src/domain/engines.js';

/** Thrown by model engines so the calls made before failing still reach the trace. */
export class ModelStepError extends Error {
  constructor(
    message: string,
    readonly modelCalls: ModelCallRecord[],
    /** `not called`: the run's model time was spent or the model's circuit was open. */
    readonly outcome: 'failed' | 'not called' = 'failed',
  ) {
    super(message);
  }
}

/** How the trace and the answer's fallbacks word what happened to the model. */
export const modelOutcome = (err: unknown) => (err instanceof ModelStepError ? err.outcome : 'failed');

/**
 * Runs the model engine and, when it fails (timeout, 429, 5xx, unparsable output), the offline
 * engine for that step; the report says which ran and why.
 */
export async function withFallback<T extends { report: AgentReport }>(
  primary: (() => Promise<T>) | undefined,
  offline: () => Promise<T>,
): Promise<T> {
  if (!primary) return offline();
  try {
    return await primary();
  } catch (err) {
    const result = await offline();
    const calls = err instanceof ModelStepError ? err.modelCalls : [];
    const reason = (err as Error).message.slice(0, 200);
    return {
      ...result,
      report: {
        ...result.report,
        fallback: `model ${modelOutcome(err)} (${reason}); offline engine used`,
        modelCalls: calls,
      },
    };
  }
}
