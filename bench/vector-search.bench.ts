// The vector half of the hybrid search alone, filtered as the composer filters it: a sequential scan (the
// issue's yardstick), the exact path (the filter's rows sorted by distance), HNSW with iterative index
// scans and per-programme partial HNSW indexes, at 10,000 and 100,000 blocks. Recall@10 is measured
// against the exact top 10.
import type pg from 'pg';
import pgvector from 'pgvector';
import { createHashEmbedder, hashEmbed } from '../src/content/embedder.js';
import { filterSql } from '../src/store/content-filter.js';
import { partialIndexes } from '../src/store/partial-vector-indexes.js';
import { type BenchQuery, generateBlocks, generateQueries } from './support/blocks.js';
import { loadBlocksLight } from './support/light-load.js';
import { openMemoryRepo } from './support/memory-store.js';
import { buildPartial, groupSizes, toastShare } from './support/partial-indexes.js';
import { printRatio, printTable } from './support/report.js';
import { percentile } from './support/stats.js';
import { seconds, timed } from './support/timer.js';
import { recallAt10, topTen } from './support/top-ten.js';

const SIZES = (process.env.NOF1_BENCH_VECTOR_SIZES ?? '10000,100000').split(',').map(Number);
const QUERIES = 300;
const EMBEDDER = createHashEmbedder().name;
// Above this, blocks go straight into the table: importBlocks would take most of the run.
const LIGHT_FROM = 50_000;

type Way = {
  label: string;
  /** The statement: `cond` is the filter, fetching the top `depth` by distance. */
  sql: (cond: string, depth: number) => string;
  session: string;
  reset: string;
  /** A way that sends each query to another way (settings changed between queries, outside the timing). */
  route?: (filter: BenchQuery['filter']) => Way;
};
const ROWS = (cond: string) =>
  `SELECT id, (embedding <=> $1::vector)::float8 AS d FROM content_blocks WHERE ${cond} AND embedder = $2`;
// OFFSET 0 keeps the ORDER BY out of the scan, so no index answers it and each distance is computed once.
const sorted = (cond: string, depth: number) =>
  `SELECT id, d FROM (${ROWS(cond)} OFFSET 0) f ORDER BY d LIMIT ${depth}`;
const walked = (cond: string, depth: number) => `${ROWS(cond)} ORDER BY embedding <=> $1::vector LIMIT ${depth}`;
const EXACT: Way = { label: 'exact (filter, then sort)', sql: sorted, session: '', reset: '' };
/** The issue's yardstick: no index at all — every row read, filtered and sorted. */
const SEQ: Way = {
  label: 'sequential scan (no index)',
  sql: sorted,
  session: 'SET enable_indexscan = off; SET enable_bitmapscan = off; SET enable_indexonlyscan = off',
  reset: 'RESET enable_indexscan; RESET enable_bitmapscan; RESET enable_indexonlyscan',
};
/**
 * The yardstick as this bench measured it before 2026-12-02: `ORDER BY distance + 0` is a second expression,
 * so every filtered row's distance (and its TOASTed vector) was computed twice. Kept to compare with old figures.
 */
const SEQ_TWICE: Way = {
  ...SEQ,
  label: 'sequential scan, distance computed twice (bench before 2026-12-02)',
  sql: (cond, depth) => `${ROWS(cond)} ORDER BY (embedding <=> $1::vector) + 0 LIMIT ${depth}`,
};
/** HNSW forced (no sort allowed, so the ordered index scan wins), iterative scan on, at an ef_search. */
const hnsw = (ef: number): Way => ({
  label: `HNSW iterative relaxed, ef_search ${ef}`,
  sql: walked,
  session: `SET enable_sort = off; SET hnsw.iterative_scan = relaxed_order; SET hnsw.ef_search = ${ef}`,
  reset: 'RESET enable_sort; RESET hnsw.ef_search',
});

/**
 * Runs every query through each of `ways` in turn, the ways' order rotating from query to query, so a change
 * in the machine's load falls on all of them alike; settings are applied and reset outside the timing.
 */
async function runWays(pool: pg.Pool, ways: Way[], queries: BenchQuery[]) {
  const out = ways.map(() => ({ ms: [] as number[], top: [] as string[][] }));
  for (const [i, { q, filter }] of queries.entries()) {
    const { where, params } = filterSql(filter, 3);
    const depth = Math.max(filter.limit * 4, 40);
    const values = [pgvector.toSql(hashEmbed(q)), EMBEDDER, ...params];
    for (let k = 0; k < ways.length; k++) {
      const j = (i + k) % ways.length;
      const w = ways[j]!.route?.(filter) ?? ways[j]!;
      if (w.session) await pool.query(w.session);
      const sql = w.sql(where.join(' AND '), depth);
      const { ms, result } = await timed(() => pool.query<{ id: string; d: number }>(sql, values));
      if (w.reset) await pool.query(w.reset);
      out[j]!.ms.push(ms);
      out[j]!.top.push(topTen(result.rows));
    }
  }
  return out;
}

/** What plans one query of a way: which index (if any) answers the ORDER BY. */
async function planOf(pool: pg.Pool, routed: Way, { q, filter }: BenchQuery) {
  const way = routed.route?.(filter) ?? routed;
  if (way.session) await pool.query(way.session);
  const { where, params } = filterSql(filter, 3);
  const plan = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${way.sql(where.join(' AND '), 40)}`, [
    pgvector.toSql(hashEmbed(q)),
    EMBEDDER,
    ...params,
  ]);
  if (way.reset) await pool.query(way.reset);
  const text = plan.rows.map((r) => r['QUERY PLAN']).join(' ');
  const index = /(?:Index|Bitmap Index) Scan (?:using|on) (\w+)/.exec(text)?.[1];
  return index ?? (text.includes('Seq Scan') ? 'seq scan + sort' : text.includes('Sort') ? 'sort' : 'other');
}

/** What plans each query of a way, counted: `index ×n`. */
async function plansOf(pool: pg.Pool, way: Way, queries: BenchQuery[]) {
  const counts = new Map<string, number>();
  for (const query of queries) {
    const plan = (await planOf(pool, way, query))
      .replace(/^bench_program_audience_\d+$/, 'group HNSW')
      .replace(/^bench_program_\d+$/, 'programme HNSW')
      .replace(/^content_blocks_embedding_p_\w+$/, 'shipped programme HNSW')
      .replace('content_blocks_', '');
    counts.set(plan, (counts.get(plan) ?? 0) + 1);
  }
  return [...counts].map(([plan, k]) => `${plan} ×${k}`).join(', ');
}

async function atSize(n: number) {
  const { store, repo } = await openMemoryRepo();
  try {
    const { pool } = store;
    const version = (
      await pool.query<{ v: string }>("SELECT extversion AS v FROM pg_extension WHERE extname = 'vector'")
    ).rows[0]?.v;
    const load = await timed(async () => {
      if (n >= LIGHT_FROM) await loadBlocksLight(pool, n, EMBEDDER);
      else await repo.importBlocks(generateBlocks(n));
    });
    // The bench builds each kind of partial index itself, phase by phase: none of the import's own.
    for (const name of await partialIndexes(pool)) await pool.query(`DROP INDEX ${name}`);
    await pool.query('ANALYZE content_blocks');
    console.log(
      `${n} blocks loaded ${n >= LIGHT_FROM ? 'straight into the table' : 'through importBlocks'} in ${seconds(load.ms).toFixed(1)} s (pgvector ${version}; ${await toastShare(pool)})`,
    );
    const queries = generateQueries(QUERIES);
    await runWays(pool, [EXACT, SEQ], generateQueries(20, 99)); // warm-up

    const results: Array<{ way: Way; plan: string; seqP95: number; r: { ms: number[]; top: string[][] } }> = [];
    // Each set of ways is measured interleaved, with the sequential scan among them as its yardstick, and
    // printed at once: at 100,000 blocks a run takes long.
    let exactTop: string[][] | undefined;
    const measure = async (ways: Way[], seq = SEQ) => {
      const rs = await runWays(pool, [seq, ...ways], queries);
      exactTop ??= rs[1 + ways.indexOf(EXACT)]!.top;
      const seqP95 = percentile(rs[0]!.ms, 95);
      for (const [j, way] of [seq, ...ways].entries()) {
        const r = rs[j]!;
        const entry = { way, plan: await plansOf(pool, way, queries), seqP95, r };
        results.push(entry);
        const by = (audience: boolean) => r.ms.filter((_, i) => Boolean(queries[i]!.filter.audience) === audience);
        console.log(
          `${n} blocks, ${way.label}: p50 ${percentile(r.ms, 50).toFixed(2)} ms, p95 ${percentile(r.ms, 95).toFixed(2)} ms ` +
            `(with audience ${percentile(by(true), 95).toFixed(2)}, without ${percentile(by(false), 95).toFixed(2)}), ` +
            `recall@10 ${recallAt10(exactTop, r.top).toFixed(3)}, seq p95 / p95 ${(seqP95 / percentile(r.ms, 95)).toFixed(2)}, plans ${entry.plan}`,
        );
      }
    };
    // At 100,000 blocks the global index and the old yardstick (measured before, bench/RESULTS.md) are left out.
    await measure(n < LIGHT_FROM ? [EXACT, SEQ_TWICE, hnsw(40), hnsw(80), hnsw(200)] : [EXACT]);
    // Per-programme partial indexes: the programme filter picks a graph holding only its own rows.
    // NOF1_BENCH_HNSW_WITH (e.g. "WITH (m = 8, ef_construction = 64)") builds them with other graph parameters.
    const built = await timed(async () => {
      await buildPartial(pool, 'program', process.env.NOF1_BENCH_HNSW_WITH ?? '');
      await pool.query('DROP INDEX content_blocks_embedding');
      await pool.query('ANALYZE content_blocks');
    });
    console.log(`per-programme indexes built in ${seconds(built.ms).toFixed(1)} s`);
    const programme = (ef: number) => ({
      ...hnsw(ef),
      label: `partial per-programme HNSW, iterative, ef_search ${ef}`,
    });
    await measure([EXACT, programme(40), programme(80)]);

    const storedInline = async () => {
      const rewritten = await timed(async () => {
        await pool.query('ALTER TABLE content_blocks ALTER COLUMN embedding SET STORAGE MAIN');
        await pool.query('VACUUM FULL content_blocks');
        await pool.query('ANALYZE content_blocks');
      });
      console.log(
        `embedding stored inline (table rewritten) in ${seconds(rewritten.ms).toFixed(1)} s; ${await toastShare(pool)}`,
      );
      const inline = (w: Way): Way => ({ ...w, label: `${w.label} [inline]` });
      await measure([EXACT, group(80), group(80, 1000), sortWithout(80)].map(inline), inline(SEQ));
    };
    // One graph per programme and audience beside the programme's (which still serves queries without an
    // audience): the walk then meets only rows of the searcher's audience.
    const sizes = await groupSizes(pool);
    const builtGroups = await timed(() => buildPartial(pool, 'program, audience'));
    console.log(
      `per-programme-and-audience indexes built in ${seconds(builtGroups.ms).toFixed(1)} s; group sizes ${[...sizes.values()].sort((a, b) => a - b).join(' ')}`,
    );
    const group = (ef: number, sortBelow = 0): Way => ({
      ...hnsw(ef),
      label: `partial per-programme-and-audience HNSW, ef_search ${ef}${sortBelow ? `, exact below ${sortBelow} rows` : ''}`,
      route: (f) => (f.audience && (sizes.get(`${f.program}\u0000${f.audience}`) ?? 0) < sortBelow ? EXACT : hnsw(ef)),
    });
    const sortWithout = (ef: number): Way => ({
      ...group(ef),
      label: `partial per-programme-and-audience HNSW, ef_search ${ef}, exact without an audience`,
      route: (f) => (f.audience ? group(ef) : EXACT),
    });
    await measure([EXACT, group(40), group(80), group(20, 1000), group(40, 1000), group(80, 1000), sortWithout(80)]);

    // The embedding stored inline (STORAGE MAIN, table rewritten): no TOAST reads for an exact distance,
    // which speeds the sequential scan (the yardstick) as well as the exact path. At 10,000 blocks only: the
    // rewrite rebuilds every graph.
    if (n < LIGHT_FROM) await storedInline();

    const exact = results[1]!.r;
    const exactP95 = percentile(exact.ms, 95);
    printTable(`vector half: ${QUERIES} filtered queries at ${n} blocks, top ${40} fetched, recall@10 vs exact (ms)`, [
      ['way', 'p50', 'p95', 'recall@10', 'exact p95 / p95', 'seq p95 / p95', 'plans'],
      ...results.map(({ way, plan, seqP95: seq, r }) => [
        way.label,
        percentile(r.ms, 50),
        percentile(r.ms, 95),
        recallAt10(exact.top, r.top).toFixed(3),
        (exactP95 / percentile(r.ms, 95)).toFixed(2),
        (seq / percentile(r.ms, 95)).toFixed(2),
        plan,
      ]),
    ]);
    for (const { way, seqP95: seq, r } of results.filter(({ way }) => !way.label.startsWith(SEQ.label))) {
      printRatio(`${n} blocks p95 seq scan/${way.label}`, seq / percentile(r.ms, 95));
    }
  } finally {
    await store.close();
  }
}

export default async function run() {
  for (const n of SIZES) await atSize(n);
}
