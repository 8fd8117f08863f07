import type { Logger } from 'pino';
import type { Env } from '../../src/env.js';
import type { EvalStore } from '../eval-store.js';
import type { LoadedSuite } from '../suite-schema.js';
import { envStrings, runSuiteInChild } from './child-run.js';
import { startEvalRun } from './record-run.js';
import type { RunOptions } from './run-types.js';

export type LaunchDeps = {
  store: EvalStore;
  env: Env;
  logger: Logger;
  /** Runs in flight at once: each is a child process with its own in-memory store. */
  maxRunning?: number;
  /** The memory cap of each run's process. */
  memoryMb?: number;
  /** A compiled eval child to fork instead of the runner's sibling (ChildLimits.compiledChild). */
  compiledChild?: string;
};

export class TooManyRuns extends Error {}

/**
 * Eval runs started through the API, each in a child process with a memory cap, so a suite never shares
 * the API's event loop or heap. close() stops
 * scheduling their remaining cases and waits for what is in flight, so shutdown leaves no run "running".
 */
export function createEvalLauncher(deps: LaunchDeps) {
  const running = new Map<string, { stop: AbortController; done: Promise<void> }>();
  const maxRunning = deps.maxRunning ?? 2;
  let starting = 0;

  async function start(
    suite: LoadedSuite,
    opts: Pick<RunOptions, 'filterTags' | 'repeat' | 'concurrency'>,
    meta: { suiteFile: string | null; gitDir: string },
  ): Promise<string> {
    if (running.size + starting >= maxRunning)
      throw new TooManyRuns(`${running.size + starting} eval runs are in progress; try again later`);
    const stop = new AbortController();
    starting++; // holds the slot while the run is being recorded
    const limits = { memoryMb: deps.memoryMb ?? 1024, env: envStrings(deps.env), compiledChild: deps.compiledChild };
    const execute = (s: LoadedSuite, o: RunOptions) => runSuiteInChild(s, o, limits);
    const { id, done } = await startEvalRun(
      { ...deps, execute },
      suite,
      { ...opts, signal: stop.signal },
      meta,
    ).finally(() => {
      starting--;
    });
    // Logged either way: a run whose end cannot be stored (the store went away) must not be an unhandled rejection.
    const tracked = done
      .then(
        (run) => deps.logger.info({ evalRun: id, suite: suite.name, status: run.status }, 'eval run finished'),
        (err: unknown) => deps.logger.error({ err, evalRun: id }, 'eval run could not be stored'),
      )
      .finally(() => running.delete(id));
    running.set(id, { stop, done: tracked });
    return id;
  }

  async function close(): Promise<void> {
    for (const r of running.values()) r.stop.abort();
    await Promise.allSettled([...running.values()].map((r) => r.done));
  }

  return { start, close };
}
export type EvalLauncher = ReturnType<typeof createEvalLauncher>;
