import type pg from 'pg';
import { parseEnv } from '../../src/env.js';
import { createLogger } from '../../src/logger.js';
import { loadDemoLibrary, openRuntime, type Runtime } from '../../src/runtime.js';
import { generateBlocks } from './blocks.js';
import { timed } from './timer.js';

export const STORE_BLOCKS = 10_000;

/** Blocks into a store that already holds the demo library: one bulk import, HNSW index built after the load. */
export async function loadGenerated(content: Runtime['content'], pool: pg.Pool, n = STORE_BLOCKS) {
  const { ms, result } = await timed(() => content.importBlocks(generateBlocks(n)));
  if (result.imported !== n) throw new Error(`imported ${JSON.stringify(result)}`);
  await pool.query('ANALYZE');
  const total = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM content_blocks')).rows[0]!.n;
  return { ms, total };
}

/**
 * A fresh in-memory runtime (embedded PGlite, offline embedder) holding the demo library plus `n` generated
 * blocks across five programmes (about a fifth of them in the demo programme, so the filters matter).
 */
export async function openLoadedRuntime(n = STORE_BLOCKS) {
  const env = parseEnv({ NOF1_DATA_DIR: 'memory', LOG_LEVEL: 'silent' });
  const runtime = await openRuntime(env);
  try {
    await loadDemoLibrary(runtime, createLogger('silent'));
    const load = await loadGenerated(runtime.content, runtime.store.pool, n);
    console.log(
      `store: ${load.total} blocks (demo library + ${n} generated), loaded in ${(load.ms / 1000).toFixed(1)} s`,
    );
    return { env, runtime };
  } catch (err) {
    await runtime.store.close();
    throw err;
  }
}
