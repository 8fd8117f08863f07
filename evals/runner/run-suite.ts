import { randomUUID } from 'node:crypto';
import { type Env, parseEnv } from '../../src/env.js';
import type { AssertionFn, Grader } from '../assertions/assertion-types.js';
import { loadPlugins } from '../assertions/registry.js';
import type { LoadedCase, LoadedSuite } from '../suite-schema.js';
import type { CaseTarget } from './case-target.js';
import { collapseAttempts } from './collapse-attempts.js';
import { createHttpTarget } from './http-target.js';
import { createInProcessTarget } from './in-process-target.js';
import { runCase } from './run-case.js';
import type { Attempt, RunOptions, SuiteRunResult } from './run-types.js';
import { summarise } from './summarise.js';
import { evaluateThresholds } from './thresholds.js';
import { forEachConcurrently } from './work-pool.js';

export type RunDeps = {
  /** Model and embedder settings for the in-process stack; defaults (offline engines) when absent. */
  env?: Env;
  /** The llm_rubric grader; without one those assertions are skipped, never passed. */
  grader?: Grader;
  /** Where cases run; by default a fresh in-process stack, or the service named by `against`. */
  createTarget?: (suite: LoadedSuite) => Promise<CaseTarget>;
};

/** Cases carrying any of the tags; every case when no tag is given. */
export function filterCases(cases: LoadedCase[], tags: string[] = []): LoadedCase[] {
  return tags.length === 0 ? cases : cases.filter((c) => c.tags.some((t) => tags.includes(t)));
}

const positive = (n: number | undefined, fallback: number, what: string) => {
  const v = n ?? fallback;
  if (!Number.isInteger(v) || v < 1) throw new RangeError(`${what} must be a whole number of at least 1`);
  return v;
};

/**
 * Runs a suite's cases (each `repeat` times, `concurrency` at once) and judges them. Work is queued round by
 * round, so repeats of a case are spread apart rather than racing each other. When `signal` aborts, the
 * cases already run are summarised and the rest left out.
 */
export async function runSuite(suite: LoadedSuite, opts: RunOptions = {}, deps: RunDeps = {}): Promise<SuiteRunResult> {
  const repeat = positive(opts.repeat, 1, 'repeat');
  const concurrency = positive(opts.concurrency, 2, 'concurrency');
  const cases = filterCases(suite.cases, opts.filterTags);
  const registry: Record<string, AssertionFn> = await loadPlugins(suite.plugins);
  const target = deps.createTarget
    ? await deps.createTarget(suite)
    : opts.against
      ? createHttpTarget(opts.against)
      : await createInProcessTarget(suite, deps.env ?? parseEnv({}));
  const attempts: Attempt[][] = cases.map(() => []);
  const tasks = Array.from({ length: repeat }, (_, r) => cases.map((c, i) => ({ c, i, r }))).flat();
  const caseDeps = { target, registry, grader: deps.grader, runTag: randomUUID().slice(0, 8) };
  let done = 0;
  try {
    await forEachConcurrently(
      tasks,
      concurrency,
      async ({ c, i, r }) => {
        const attempt = await runCase(c, r, caseDeps);
        attempts[i]!.push(attempt);
        done++;
        opts.onProgress?.({ done, total: tasks.length, caseId: c.id, pass: attempt.pass });
      },
      opts.signal,
    );
  } finally {
    await target.close();
  }
  const ran = cases.flatMap((c, i) => (attempts[i]!.length ? [{ c, list: attempts[i]! }] : []));
  const results = ran.map(({ c, list }) =>
    collapseAttempts(
      c,
      list.sort((a, b) => a.repeat - b.repeat),
    ),
  );
  const measureOf = (keep: (c: LoadedCase) => boolean) => {
    const picked = ran.map((x, i) => ({ ...x, result: results[i]! })).filter((x) => keep(x.c));
    return summarise(
      picked.map((x) => x.c),
      picked.flatMap((x) => x.list),
      picked.map((x) => x.result),
    );
  };
  const measured = measureOf(() => true);
  const thresholds = evaluateThresholds(suite.thresholds, (scope) =>
    scope.tag || scope.suite
      ? measureOf((c) => (!scope.tag || c.tags.includes(scope.tag)) && (!scope.suite || c.suite === scope.suite))
      : measured,
  );
  return { cases: results, summary: { ...measured, thresholds, thresholdsHeld: thresholds.every((t) => t.held) } };
}
