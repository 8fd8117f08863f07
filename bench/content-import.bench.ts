import { createHashEmbedder } from '../src/content/embedder.js';
import { generateBlocks } from './support/blocks.js';
import { openMemoryRepo } from './support/memory-store.js';
import { printRatio, printTable, printTarget } from './support/report.js';
import { seconds, timed } from './support/timer.js';

const BLOCKS = 10_000;
// Baseline: the same importBlocks path in batches below the repository's bulk threshold (2,000 rows),
// so the HNSW index stays in place and is updated row by row during the load.
const BASELINE_BLOCKS = 2_000;
const BASELINE_BATCH = 500;
const TARGET_S = 15;

type Timing = { ms: number; cpuMs: number };

export default async function run() {
  const blocks = generateBlocks(BLOCKS);
  const embed = await timed(() => createHashEmbedder().embed(blocks.map((b) => b.text)));

  let bulk: Timing;
  let build: Timing;
  const fresh = await openMemoryRepo();
  try {
    const imported = await timed(() => fresh.repo.importBlocks(blocks));
    if (imported.result.imported !== BLOCKS) throw new Error(`imported ${JSON.stringify(imported.result)}`);
    bulk = imported;
    // The same index build over the same 10,000 rows, timed on its own.
    build = await timed(() => fresh.store.pool.query('REINDEX INDEX content_blocks_embedding'));
  } finally {
    await fresh.store.close();
  }

  let baseline: Timing;
  const kept = await openMemoryRepo();
  try {
    const few = generateBlocks(BASELINE_BLOCKS, 2);
    baseline = await timed(async () => {
      for (let i = 0; i < few.length; i += BASELINE_BATCH)
        await kept.repo.importBlocks(few.slice(i, i + BASELINE_BATCH));
    });
  } finally {
    await kept.store.close();
  }

  const row = (label: string, n: number, t: Timing) => [
    label,
    n,
    seconds(t.ms),
    seconds(t.cpuMs),
    n / seconds(t.ms),
    t.ms / n,
  ];
  printTable(`content import: ${BLOCKS} generated blocks into a fresh in-memory store`, [
    ['run', 'blocks', 'seconds', 'cpu s', 'blocks/s', 'ms/block'],
    row('bulk import (index dropped, built after)', BLOCKS, bulk),
    row('  of which: embeddings (hash, timed alone)', BLOCKS, embed),
    row('  of which: HNSW build (REINDEX, same rows)', BLOCKS, build),
    row(`baseline: index kept, ${BASELINE_BATCH}-block batches`, BASELINE_BLOCKS, baseline),
  ]);
  console.log(`index build share of the bulk import: ${((100 * build.ms) / bulk.ms).toFixed(0)}%`);
  printRatio('import ms/block bulk/index-kept', bulk.ms / BLOCKS / (baseline.ms / BASELINE_BLOCKS));
  printTarget(`import ${BLOCKS} blocks`, seconds(bulk.ms), TARGET_S, 's');
}
