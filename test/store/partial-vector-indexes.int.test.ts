import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHashEmbedder } from '../../src/content/embedder.js';
import { validateBlocks } from '../../src/content/validate-blocks.js';
import { type ContentRepo, createContentRepo } from '../../src/store/content-repo.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { programmeIndexes, programmeIndexName } from '../../src/store/programme-vector-index.js';
import { block } from '../support/blocks.js';

const FROM = 40;
// A name no identifier could hold, with a quote a careless literal would break on.
const BIG = "o'brien programme; DROP TABLE content_blocks";
const SMALL = 'small-programme';
const WORDS = [
  'copay',
  'refill',
  'pharmacy',
  'nausea',
  'reminder',
  'doctor',
  'insurance',
  'dose',
  'evening',
  'savings',
];
const text = (i: number) =>
  `Block ${i}: ${WORDS[i % WORDS.length]} and ${WORDS[(i * 7) % WORDS.length]} help with ${WORDS[(i * 3) % WORDS.length]}.`;
const blocks = (program: string, from: number, n: number) =>
  validateBlocks(Array.from({ length: n }, (_, k) => ({ value: block({ program, text: text(from + k) }) }))).valid;

let store: Store;
let repo: ContentRepo;
const flushedScans = async (name: string) => {
  await store.pool.query('SELECT pg_stat_force_next_flush()');
  const { rows } = await store.pool.query<{ n: string }>(
    'SELECT idx_scan::text AS n FROM pg_stat_user_indexes WHERE indexrelname = $1',
    [name],
  );
  return Number(rows[0]?.n ?? Number.NaN);
};

beforeAll(async () => {
  store = await openStore({ dataDir: 'memory' });
  repo = createContentRepo(store.pool, createHashEmbedder(), { partialIndexFrom: FROM });
});
afterAll(async () => {
  await store?.close();
});

describe('a programme with enough blocks gets its own vector index, and search walks it', () => {
  it('builds the index only once a programme reaches the threshold', async () => {
    await repo.importBlocks([...blocks(BIG, 0, FROM - 5), ...blocks(SMALL, 1000, 10)]);
    expect(await programmeIndexes(store.pool)).toEqual(new Set());
    await repo.importBlocks(blocks(BIG, FROM, 10));
    expect(await programmeIndexes(store.pool)).toEqual(new Set([programmeIndexName(BIG)]));
    expect(await store.pool.query('SELECT count(*)::int AS n FROM content_blocks')).toMatchObject({
      rows: [{ n: FROM - 5 + 10 + 10 }],
    });
  });

  it("a search of that programme is answered from its index with the exact path's blocks", async () => {
    const name = programmeIndexName(BIG);
    const queries = ['help with my copay', 'pharmacy refill reminder', 'nausea in the evening', 'insurance savings'];
    const before = await flushedScans(name);
    const indexed = [];
    for (const q of queries) indexed.push((await repo.search(q, { program: BIG, limit: 5 })).map((b) => b.id));
    expect(await flushedScans(name)).toBeGreaterThanOrEqual(before + queries.length);

    // The same searches on the exact path: the programme's index gone, the planner sorts the filtered rows.
    await store.pool.query(`DROP INDEX "${name}"`);
    const exactRepo = createContentRepo(store.pool, createHashEmbedder(), { partialIndexFrom: 10_000 });
    for (const [i, q] of queries.entries()) {
      const exact = (await exactRepo.search(q, { program: BIG, limit: 5 })).map((b) => b.id);
      expect(indexed[i]).toEqual(exact);
    }
  });

  it('a search of a small programme never uses another programme’s index', async () => {
    await repo.importBlocks(blocks(BIG, 2000, 1)); // rebuilds the dropped index
    const name = programmeIndexName(BIG);
    const before = await flushedScans(name);
    const found = await repo.search('copay help', { program: SMALL, limit: 5 });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((b) => b.program === SMALL)).toBe(true);
    expect(await flushedScans(name)).toBe(before);
  });
});
