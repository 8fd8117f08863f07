import { Conflict, NotFound } from '../../src/domain/errors.js';
import type { EvalService } from '../../src/routes/evals.js';
import type { EvalStore } from '../eval-store.js';
import { renderHtmlReport } from '../report/html-report.js';
import { loadShippedSuite, loadUploadedSuite, SHIPPED_SUITES_DIR } from '../runner/api-suite.js';
import { compareRuns } from '../runner/compare-runs.js';
import type { EvalLauncher } from '../runner/eval-launcher.js';
import { checkFilterTags } from '../runner/suite-tags.js';
import { suiteFailure } from './suite-failure.js';

export type EvalServiceDeps = { store: EvalStore; launcher: EvalLauncher; suitesDir?: string };

/** The eval runner as the API sees it: suites by name or upload, stored runs, reports, baselines. */
export function createEvalService(deps: EvalServiceDeps): EvalService {
  const suitesDir = deps.suitesDir ?? SHIPPED_SUITES_DIR;
  const rethrow = (err: unknown): never => {
    throw suiteFailure(err);
  };
  const finished = async (id: string) => {
    const run = await deps.store.get(id);
    // Ids come from the client's path: the answer names the run's state, never the id it was given.
    if (!run) throw new NotFound('no eval run with this id');
    if (run.status !== 'done') throw new Conflict(`this eval run is ${run.status}: only finished runs qualify`);
    return run;
  };
  return {
    async start(spec) {
      const suite = await (spec.suite
        ? loadShippedSuite(spec.suite, suitesDir)
        : loadUploadedSuite(spec.suiteYaml!)
      ).catch(rethrow);
      const options = { filterTags: spec.filter, repeat: spec.repeat, concurrency: spec.concurrency };
      try {
        checkFilterTags(suite, spec.filter);
      } catch (err) {
        rethrow(err);
      }
      const meta = { suiteFile: spec.suite ? suite.file : null, gitDir: suitesDir };
      const id = await deps.launcher.start(suite, options, meta).catch(rethrow);
      return { id, progress: (await deps.store.get(id))!.progress };
    },
    get: (id) => deps.store.get(id),
    async reportHtml(id) {
      const run = await deps.store.get(id);
      return run && renderHtmlReport(run);
    },
    async accept(id) {
      await finished(id);
      return (await deps.store.accept(id))!;
    },
    async compare(baseId, headId) {
      const head = await finished(headId);
      const base = baseId === 'last-accepted' ? await deps.store.lastAccepted(head.suite.name) : await finished(baseId);
      if (!base) throw new NotFound("the head run's suite has no accepted run yet");
      return compareRuns(base, head);
    },
  };
}
