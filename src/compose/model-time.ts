import type { ModelTime } from '../domain/engines.js';

/**
 * A run's model time: `totalMs` for all its model calls together. The calls of a run come one after
 * another, so each gets a signal that aborts at what is left; the time it took is then taken off.
 */
export function createModelTime(totalMs: number): ModelTime {
  let leftMs = totalMs;
  return {
    get spent() {
      return leftMs <= 0;
    },
    async run(call) {
      const started = performance.now();
      try {
        return await call(AbortSignal.timeout(Math.max(1, Math.ceil(leftMs))));
      } finally {
        leftMs -= performance.now() - started;
      }
    },
  };
}
