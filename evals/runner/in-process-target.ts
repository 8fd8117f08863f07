import { createComposeStack } from '../../src/compose/compose-stack.js';
import { loadModelEngines } from '../../src/compose/load-model-engines.js';
import { readBlockFile } from '../../src/content/read-block-file.js';
import { validateBlocks } from '../../src/content/validate-blocks.js';
import type { Env } from '../../src/env.js';
import { DEMO_LIBRARY, openRuntime } from '../../src/runtime.js';
import { readTraceView } from '../../src/store/trace-view.js';
import type { LoadedSuite } from '../suite-schema.js';
import type { CaseTarget } from './case-target.js';
import { EVAL_STORE_TUNING, type StoreTuning } from './eval-store-settings.js';

class SuiteContentError extends Error {}

/**
 * A fresh in-memory store holding only the suite's content library and pacing settings, so a run measures
 * that library and nothing left over from earlier runs. Model settings come from `env`, so the same suite
 * can compare the offline engines with a configured model.
 */
export async function createInProcessTarget(
  suite: LoadedSuite,
  env: Env,
  tuning: StoreTuning = EVAL_STORE_TUNING,
): Promise<CaseTarget> {
  const fresh: Env = { ...env, DATABASE_URL: undefined, NOF1_DATA_DIR: 'memory', NOF1_DEMO: false };
  const runtime = await openRuntime(fresh, { storeSettings: tuning.settings });
  let composed = 0;
  try {
    await importLibrary(runtime, suite.contentFile ?? DEMO_LIBRARY);
    for (const [program, s] of Object.entries(suite.settings)) await runtime.settings.put({ program, ...s });
    const { runner } = await createComposeStack({
      pool: runtime.store.pool,
      ...runtime,
      models: await loadModelEngines(fresh),
      // The service's review threshold, so an in-process run holds for review where the service would.
      reviewBelow: fresh.NOF1_REVIEW_BELOW,
      modelTimeMs: fresh.NOF1_MODEL_TIMEOUT_MS,
    });
    return {
      mode: 'in-process',
      async compose(request) {
        const started = performance.now();
        const answer = await runner.compose(request);
        const latencyMs = performance.now() - started;
        const trace = await readTraceView(runtime, answer.traceId);
        if (tuning.checkpointEvery && ++composed % tuning.checkpointEvery === 0)
          await runtime.store.pool.query('CHECKPOINT');
        return { answer, latencyMs, trace };
      },
      blockInfo: async () => async (ids) =>
        (await runtime.content.byIds(ids)).map((b) => ({
          id: b.id,
          kind: b.kind,
          requiresIsi: b.requiresIsi,
          text: b.text,
          locale: b.locale,
        })),
      contentTerms: () => runtime.content.contentTerms(),
      close: () => runtime.store.close(),
    };
  } catch (err) {
    await runtime.store.close();
    throw err;
  }
}

/** A library with a rejected block would silently measure a different library: refuse it instead. */
async function importLibrary(runtime: Awaited<ReturnType<typeof openRuntime>>, file: string) {
  const { valid, rejected } = validateBlocks(await readBlockFile(file));
  if (rejected.length > 0) {
    const first = rejected[0]!;
    const where = [first.line ? `line ${first.line}` : null, first.id].filter(Boolean).join(', ');
    const what = first.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    throw new SuiteContentError(`${file}: ${rejected.length} block(s) rejected (first at ${where || '?'}: ${what})`);
  }
  await runtime.content.importBlocks(valid);
}
