import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHashEmbedder } from '../../src/content/embedder.js';
import { validateBlocks } from '../../src/content/validate-blocks.js';
import { type ContentRepo, createContentRepo } from '../../src/store/content-repo.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { audienceIndexName, partialIndexes, programmeIndexName } from '../../src/store/partial-vector-indexes.js';
import { block } from '../support/blocks.js';

const FROM = 40;
const AUDIENCE_FROM = 20;
// Names no identifier could hold, with a quote a careless literal would break on.
const BIG = "o'brien programme; DROP TABLE content_blocks";
const CARERS = 'caregiver';
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
const QUERIES = ['help with my copay', 'pharmacy refill reminder', 'nausea in the evening', 'insurance savings'];
const text = (i: number) =>
  `Block ${i}: ${WORDS[i % WORDS.length]} and ${WORDS[(i * 7) % WORDS.length]} help with ${WORDS[(i * 3) % WORDS.length]}.`;
const blocks = (program: string, from: number, n: number, audience = 'patient') =>
  validateBlocks(Array.from({ length: n }, (_, k) => ({ value: block({ program, audience, text: text(from + k) }) })))
    .valid;

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
const searchIds = async (r: ContentRepo, q: string, filter: { program: string; audience?: string }) =>
  (await r.search(q, { ...filter, limit: 5 })).map((b) => b.id);
// The repository's answers with no partial index used: thresholds no group reaches.
const exactRepo = () => createContentRepo(store.pool, createHashEmbedder(), { programmeFrom: 1e6, audienceFrom: 1e6 });

beforeAll(async () => {
  store = await openStore({ dataDir: 'memory' });
  repo = createContentRepo(store.pool, createHashEmbedder(), { programmeFrom: FROM, audienceFrom: AUDIENCE_FROM });
});
afterAll(async () => {
  await store?.close();
});

describe('a programme, and a programme’s audience, with enough blocks get their own vector index', () => {
  it('builds each index only once its group reaches the threshold', async () => {
    await repo.importBlocks([
      ...blocks(BIG, 0, FROM - 5),
      ...blocks(BIG, 500, AUDIENCE_FROM - 1, CARERS),
      ...blocks(SMALL, 1000, 10),
    ]);
    // BIG has FROM - 5 + AUDIENCE_FROM - 1 blocks (≥ FROM): its programme and patient indexes, not yet the carers'.
    expect(await partialIndexes(store.pool)).toEqual(
      new Set([programmeIndexName(BIG), audienceIndexName(BIG, 'patient')]),
    );
    await repo.importBlocks(blocks(BIG, 600, 1, CARERS));
    expect(await partialIndexes(store.pool)).toEqual(
      new Set([programmeIndexName(BIG), audienceIndexName(BIG, 'patient'), audienceIndexName(BIG, CARERS)]),
    );
  });

  it('names are stable and keep programme and audience apart', () => {
    expect(audienceIndexName(BIG, CARERS)).toBe(audienceIndexName(BIG, CARERS));
    expect(audienceIndexName('a b', 'c')).not.toBe(audienceIndexName('a', 'b c'));
    expect(audienceIndexName(BIG, 'patient')).not.toBe(programmeIndexName(BIG));
    expect(audienceIndexName(BIG, CARERS)).toMatch(/^[a-z0-9_]{1,63}$/);
  });

  it("a search with an audience walks that audience's graph and returns the exact path's blocks", async () => {
    const name = audienceIndexName(BIG, CARERS);
    const programme = programmeIndexName(BIG);
    const [before, programmeBefore] = [await flushedScans(name), await flushedScans(programme)];
    const indexed = [];
    for (const q of QUERIES) indexed.push(await searchIds(repo, q, { program: BIG, audience: CARERS }));
    expect(await flushedScans(name)).toBeGreaterThanOrEqual(before + QUERIES.length);
    expect(await flushedScans(programme)).toBe(programmeBefore);

    const exact = exactRepo();
    for (const [i, q] of QUERIES.entries()) {
      expect(indexed[i]).toEqual(await searchIds(exact, q, { program: BIG, audience: CARERS }));
    }
  });

  it("a search without an audience walks the programme's graph and returns the exact path's blocks", async () => {
    const name = programmeIndexName(BIG);
    const before = await flushedScans(name);
    const indexed = [];
    for (const q of QUERIES) indexed.push(await searchIds(repo, q, { program: BIG }));
    expect(await flushedScans(name)).toBeGreaterThanOrEqual(before + QUERIES.length);

    const exact = exactRepo();
    for (const [i, q] of QUERIES.entries()) expect(indexed[i]).toEqual(await searchIds(exact, q, { program: BIG }));
  });

  it('the planner walks the audience graph when sorting is ruled out', async () => {
    const plan = await store.pool.connect();
    try {
      await plan.query('BEGIN');
      await plan.query('SET LOCAL enable_sort = off');
      const { rows } = await plan.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT id FROM content_blocks WHERE program = $1 AND audience = $2
         ORDER BY embedding <=> (SELECT embedding FROM content_blocks LIMIT 1) LIMIT 10`,
        [BIG, CARERS],
      );
      expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toContain(
        `Index Scan using ${audienceIndexName(BIG, CARERS)}`,
      );
    } finally {
      await plan.query('ROLLBACK');
      plan.release();
    }
  });

  it('a search of a small group sorts its rows rather than walking a larger graph', async () => {
    await repo.importBlocks(blocks(BIG, 700, 3, 'hcp'));
    const names = [programmeIndexName(BIG), audienceIndexName(BIG, 'patient'), audienceIndexName(BIG, CARERS)];
    const before = await Promise.all(names.map(flushedScans));
    const found = await repo.search('copay help', { program: BIG, audience: 'hcp', limit: 5 });
    expect(found.map((b) => b.audience)).toEqual(['hcp', 'hcp', 'hcp']);
    const small = await repo.search('copay help', { program: SMALL, limit: 5 });
    expect(small.length).toBeGreaterThan(0);
    expect(small.every((b) => b.program === SMALL)).toBe(true);
    expect(await Promise.all(names.map(flushedScans))).toEqual(before);
  });
});

describe('a bulk import drops the indexes of the programmes it loads and builds them after the load', () => {
  const oidOf = async (name: string) =>
    (await store.pool.query<{ oid: number }>('SELECT oid::int AS oid FROM pg_class WHERE relname = $1', [name])).rows[0]
      ?.oid;

  it('rebuilds the loaded programme’s indexes and leaves the others alone', async () => {
    const other = 'other-programme';
    await repo.importBlocks(blocks(other, 3000, AUDIENCE_FROM));
    const loaded = [programmeIndexName(BIG), audienceIndexName(BIG, 'patient'), audienceIndexName(BIG, CARERS)];
    const kept = audienceIndexName(other, 'patient');
    const before = await Promise.all([...loaded, kept].map(oidOf));
    expect(before.every((oid) => oid !== undefined)).toBe(true);

    // A small import keeps every index (its rows go into the graphs one by one).
    await repo.importBlocks(blocks(BIG, 4000, 2, CARERS));
    expect(await Promise.all([...loaded, kept].map(oidOf))).toEqual(before);

    // At the bulk size (2,000 rows) the loaded programme's indexes are new objects; the other's is the same.
    await repo.importBlocks(blocks(BIG, 10_000, 2000, CARERS));
    const after = await Promise.all([...loaded, kept].map(oidOf));
    for (const [i, oid] of after.slice(0, loaded.length).entries()) {
      expect(oid).toBeDefined();
      expect(oid).not.toBe(before[i]);
    }
    expect(after.at(-1)).toBe(before.at(-1));
    const exact = exactRepo();
    for (const q of QUERIES) {
      expect(await searchIds(repo, q, { program: BIG, audience: CARERS })).toEqual(
        await searchIds(exact, q, { program: BIG, audience: CARERS }),
      );
    }
  });
});
