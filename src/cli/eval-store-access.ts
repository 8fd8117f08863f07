import { createEvalStore, type EvalStore } from '../../evals/eval-store.js';
import { createMemoryEvalStore } from '../../evals/memory-eval-store.js';
import { EVAL_STORE_SETTINGS } from '../../evals/runner/eval-store-settings.js';
import type { Env } from '../env.js';
import { openStore } from '../store/open-store.js';

/**
 * Eval runs live in the project's store (NOF1_DATA_DIR, default ./.nof1, or DATABASE_URL) so later
 * `compare` and `accept` calls find them; `--no-store` keeps them in memory for this process only.
 */
export async function withEvalStore<T>(env: Env, keep: boolean, fn: (store: EvalStore) => Promise<T>): Promise<T> {
  if (!keep) return fn(createMemoryEvalStore());
  const store = await openStore({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.NOF1_DATA_DIR,
    poolMax: env.NOF1_DB_POOL_MAX,
    // This process only records runs (the suite runs in the eval child): the server's 128 MB of buffers
    // would be most of its memory. Start settings: the folder keeps its own for the service.
    settings: EVAL_STORE_SETTINGS,
  });
  try {
    return await fn(createEvalStore(store.pool));
  } finally {
    await store.close();
  }
}
