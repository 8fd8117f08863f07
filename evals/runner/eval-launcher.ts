import type { Logger } from 'pino';
import type { Env } from '../../src/env.js';
import type { Grader } from '../assertions/assertion-types.js';
import type { EvalRun, EvalStore } from '../eval-store.js';
import type { LoadedSuite } from '../suite-schema.js';
import { startEvalRun } from './record-run.js';
import type { RunOptions } from './run-types.js';

export type LaunchDeps = {
  store: EvalStore;
  env: Env;
  logger: Logger;
  grader?: Grader;
  /** Runs in flight at once: each holds its own in-memory store and shares the service's two cores. */
  maxRunning?: number;
};

export class TooManyRuns extends Error {}

/**
 * Eval runs started through the API, run in the background of the service process. close() stops
 * scheduling their remaining cases and waits for what is in flight, so shutdown leaves no run "running".
 */
export function createEvalLauncher(deps: LaunchDeps) {
  const running = new Map<string, { stop: AbortController; done: Promise<EvalRun> }>();
  const maxRunning = deps.maxRunning ?? 2;

  async function start(
    suite: LoadedSuite,
    opts: Pick<RunOptions, 'filterTags' | 'repeat' | 'concurrency'>,
    meta: { suiteFile: string | null; gitDir: string },
  ): Promise<string> {
    if (running.size >= maxRunning) throw new TooManyRuns(`${running.size} eval runs are in progress; try again later`);
    const stop = new AbortController();
    const { id, done } = await startEvalRun(deps, suite, { ...opts, signal: stop.signal }, meta);
    const tracked = done.then((run) => {
      deps.logger.info({ evalRun: id, suite: suite.name, status: run.status }, 'eval run finished');
      return run;
    });
    running.set(id, { stop, done: tracked });
    void tracked.finally(() => running.delete(id));
    return id;
  }

  async function close(): Promise<void> {
    for (const r of running.values()) r.stop.abort();
    await Promise.allSettled([...running.values()].map((r) => r.done));
  }

  /** Resolves once the run has finished (tests and tools; the API answers at once). */
  const settled = (id: string) => running.get(id)?.done;

  return { start, close, settled, inFlight: () => running.size };
}
export type EvalLauncher = ReturnType<typeof createEvalLauncher>;
