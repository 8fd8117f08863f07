import { dirname } from 'node:path';
import type { Env } from '../../src/env.js';
import type { EvalConfig, EvalRun, EvalStore } from '../eval-store.js';
import type { LoadedSuite } from '../suite-schema.js';
import { gitCommit } from './git-commit.js';
import { filterCases, type RunDeps, runSuite } from './run-suite.js';
import type { RunOptions, SuiteRunResult } from './run-types.js';
import { suiteDigest } from './suite-digest.js';

export type RecordDeps = RunDeps & {
  store: EvalStore;
  /** Where the suite runs: in this process by default, or elsewhere (the API runs suites in a child process). */
  execute?: (suite: LoadedSuite, opts: RunOptions) => Promise<SuiteRunResult>;
};
export type StartedRun = { id: string; done: Promise<EvalRun> };

/** Progress is written at most this often: the store also serves compose traffic when the API runs evals. */
const PROGRESS_EVERY_MS = 250;

function configOf(opts: RunOptions, env: Env | undefined): EvalConfig {
  const modelled = env?.NOF1_MODEL_BASE_URL && env.NOF1_MODEL;
  return {
    mode: opts.against ? 'http' : 'in-process',
    repeat: opts.repeat ?? 1,
    concurrency: opts.concurrency ?? 2,
    filter: opts.filterTags ?? [],
    model: opts.against ? null : modelled ? env.NOF1_MODEL! : 'offline',
    ...(opts.against ? { against: opts.against.url } : {}),
  };
}

/**
 * Records a run (status running) and starts it; `done` settles with the stored run once it has finished
 * or failed. It never rejects for a failure of the run itself: that is stored as the run's error.
 */
export async function startEvalRun(
  deps: RecordDeps,
  suite: LoadedSuite,
  opts: RunOptions,
  meta: { suiteFile: string | null; gitDir?: string } = { suiteFile: suite.file },
): Promise<StartedRun> {
  const total = filterCases(suite.cases, opts.filterTags).length * (opts.repeat ?? 1);
  const id = await deps.store.create({
    suiteName: suite.name,
    suiteFile: meta.suiteFile,
    gitCommit: await gitCommit(meta.gitDir ?? dirname(suite.file)),
    config: { ...configOf(opts, deps.env), suiteDigest: await suiteDigest(suite) },
    total,
  });
  let writes = Promise.resolve();
  let lastWrite = 0;
  const onProgress: RunOptions['onProgress'] = (p) => {
    opts.onProgress?.(p);
    const now = Date.now();
    if (now - lastWrite < PROGRESS_EVERY_MS && p.done < p.total) return;
    lastWrite = now;
    // Chained, so writes land in order and never pile up on the one embedded connection.
    writes = writes.then(() => deps.store.progress(id, p.done, p.total)).catch(() => undefined);
  };
  const done = (async () => {
    try {
      const execute = deps.execute ?? ((s: LoadedSuite, o: RunOptions) => runSuite(s, o, deps));
      const { cases, summary } = await execute(suite, { ...opts, onProgress });
      await writes;
      // Stopped early (the service shutting down, Ctrl-C): keep what ran, but it is no baseline.
      const aborted = summary.attempts < total;
      const end = aborted
        ? { status: 'failed' as const, error: 'interrupted before every case ran' }
        : { status: 'done' as const };
      return (await deps.store.finish(id, { ...end, summary, results: cases }))!;
    } catch (err) {
      await writes;
      return (await deps.store.finish(id, { status: 'failed', error: (err as Error).message }))!;
    }
  })();
  return { id, done };
}
