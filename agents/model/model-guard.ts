import { ConsecutiveBreaker, circuitBreaker, handleWhen, isBrokenCircuitError, wrap } from 'cockatiel';
import type { ModelTime } from '../../src/domain/engines.js';

export type ModelGuardOptions = {
  /** How long an open circuit refuses calls before one trial call may go through (half-open). */
  cooldownMs: number;
  /** Failures in a row (5xx, 429, refused connections, unreadable answers) that open the circuit. */
  failuresToOpen: number;
};

/** Why a model was not called at all: the run's model time is spent, or the circuit is open. */
export class ModelNotCalled extends Error {}

/** A model that did not answer in time (its own timeout, or the run's model time ran out). */
export const isTimeout = (err: unknown) => {
  const e = err as { name?: unknown; message?: unknown };
  return /timeout|timed out|abort/i.test(`${String(e?.name ?? '')} ${String(e?.message ?? '')}`);
};

/**
 * One guard per configured model, shared by every agent and run of the process. A circuit breaker stops
 * calling a model that has just timed out (one timeout opens it: another call would cost another
 * timeout) or failed several times in a row, until a cool-down has passed and a trial call succeeds.
 * Each call also runs within the run's model time, so a run spends about one timeout on the model in
 * all, however many calls, retries and back-offs it would otherwise make.
 */
export function createModelGuard(opts: ModelGuardOptions) {
  const afterTimeout = circuitBreaker(handleWhen(isTimeout), {
    halfOpenAfter: opts.cooldownMs,
    breaker: new ConsecutiveBreaker(1),
  });
  const afterFailures = circuitBreaker(
    handleWhen((err) => !isTimeout(err)),
    { halfOpenAfter: opts.cooldownMs, breaker: new ConsecutiveBreaker(opts.failuresToOpen) },
  );
  const policy = wrap(afterTimeout, afterFailures);

  async function call<T>(fn: (signal: AbortSignal | undefined) => Promise<T>, modelTime?: ModelTime): Promise<T> {
    if (modelTime?.spent) throw new ModelNotCalled("the run's model time is spent");
    try {
      return await policy.execute(() => (modelTime ? modelTime.run(fn) : fn(undefined)));
    } catch (err) {
      if (isBrokenCircuitError(err)) throw new ModelNotCalled('circuit open: the model timed out or failed just now');
      throw err;
    }
  }
  return { call };
}
export type ModelGuard = ReturnType<typeof createModelGuard>;
