import type { Logger } from 'pino';
import type { RunnerDeps } from '../compose/compose-runner.js';

export type RunObserver = NonNullable<RunnerDeps['observe']>;

/**
 * One `observe` hook from several (metrics, spans). Each runs in its own try: telemetry is best effort
 * and must never fail a compose that has already been stored.
 */
export function combineObservers(logger: Logger, ...observers: Array<RunObserver | undefined>): RunObserver {
  const active = observers.filter((o): o is RunObserver => o !== undefined);
  return (answer, steps, seconds) => {
    for (const observe of active) {
      try {
        observe(answer, steps, seconds);
      } catch (err) {
        logger.warn({ reason: (err as Error).name }, 'run observer failed');
      }
    }
  };
}
