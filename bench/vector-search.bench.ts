// The vector half of the hybrid search alone, filtered as the composer filters it: a sequential scan (the
// issue's yardstick), the exact path (the filter's rows sorted by distance), HNSW with iterative index
// scans and per-programme partial HNSW indexes, at 10,000 and 100,000 blocks. Recall@10 is measured
// against the exact top 10.
import type pg from 'pg';
import pgvector from 'pgvector';
import { createHashEmbedder, hashEmbed } from '../src/content/embedder.js';
import { filterSql } from '../src/store/content-filter.js';
import { type BenchQuery, generateBlocks, generateQueries } from './support/blocks.js';
import { loadBlocksLight } from './support/light-load.js';
import { openMemoryRepo } from './support/memory-store.js';
import { printRatio, printTable } from './support/report.js';
import { percentile } from './support/stats.js';
import { seconds, timed } from './support/timer.js';
import { recallAt10, topTen } from './support/top-ten.js';

const SIZES = (process.env.NOF1_BENCH_VECTOR_SIZES ?? '10000,100000').split(',').map(Number);
const QUERIES = 300;
const EMBEDDER = createHashEmbedder().name;
// Above this, blocks go straight into the table: importBlocks would take most of the run.
const LIGHT_FROM = 50_000;

type Way = { label: string; order: string; session: string; reset: string };
// `+ 0` makes the distance an expression no index answers: the planner must sort the filtered rows.
const EXACT: Way = {
  label: 'exact (filter, then sort)',
  order: '(embedding <=> $1::vector) + 0',
  session: '',
  reset: '',
};
/** The yardstick: no index at all — every row read, filtered and sorted. */
const SEQ: Way = {
  label: 'sequential scan (no index)',
  order: '(embedding <=> $1::vector) + 0',
  session: 'SET enable_indexscan = off; SET enable_bitmapscan = off; SET enable_indexonlyscan = off',
  reset: 'RESET enable_indexscan; RESET enable_bitmapscan; RESET enable_indexonlyscan',
};
/** HNSW forced (no sort allowed, so the ordered index scan wins), iterative scan on, at an ef_search. */
const hnsw = (ef: number): Way => ({
  label: `HNSW iterative relaxed, ef_search ${ef}`,
  order: 'embedding <=> $1::vector',
  session: `SET enable_sort = off; SET hnsw.iterative_scan = relaxed_order; SET hnsw.ef_search = ${ef}`,
  reset: 'RESET enable_sort; RESET hnsw.ef_search',
});

async function runWay(pool: pg.Pool, way: Way, queries: BenchQuery[]) {
  if (way.session) await pool.query(way.session);
  const ms: number[] = [];
  const top: string[][] = [];
  for (const { q, filter } of queries) {
    const { where, params } = filterSql(filter, 3);
    const depth = Math.max(filter.limit * 4, 40);
    const sql = `SELECT id, (embedding <=> $1::vector)::float8 AS d FROM content_blocks
      WHERE ${where.join(' AND ')} AND embedder = $2 ORDER BY ${way.order} LIMIT ${depth}`;
    const { ms: t, result } = await timed(() =>
      pool.query<{ id: string; d: number }>(sql, [pgvector.toSql(hashEmbed(q)), EMBEDDER, ...params]),
    );
    ms.push(t);
    top.push(topTen(result.rows));
  }
  if (way.reset) await pool.query(way.reset);
  return { ms, top };
}

/** What plans the first query of a way: which index (if any) answers the ORDER BY. */
async function planOf(pool: pg.Pool, way: Way, { q, filter }: BenchQuery) {
  if (way.session) await pool.query(way.session);
  const { where, params } = filterSql(filter, 3);
  const plan = await pool.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN SELECT id FROM content_blocks WHERE ${where.join(' AND ')} AND embedder = $2 ORDER BY ${way.order} LIMIT 40`,
    [pgvector.toSql(hashEmbed(q)), EMBEDDER, ...params],
  );
  if (way.reset) await pool.query(way.reset);
  const text = plan.rows.map((r) => r['QUERY PLAN']).join(' ');
  const index = /(?:Index|Bitmap Index) Scan (?:using|on) (\w+)/.exec(text)?.[1];
  return index ?? (text.includes('Seq Scan') ? 'seq scan + sort' : text.includes('Sort') ? 'sort' : 'other');
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
    await pool.query('ANALYZE content_blocks');
    console.log(
      `${n} blocks loaded ${n >= LIGHT_FROM ? 'straight into the table' : 'through importBlocks'} in ${seconds(load.ms).toFixed(1)} s (pgvector ${version})`,
    );
    const queries = generateQueries(QUERIES);
    await runWay(pool, EXACT, generateQueries(20, 99)); // warm-up

    const results: Array<{ way: Way; plan: string; r: Awaited<ReturnType<typeof runWay>> }> = [];
    // Each way's figures are printed as soon as they are measured: at 100,000 blocks a run takes long.
    const measure = async (way: Way) => {
      const entry = { way, plan: await planOf(pool, way, queries[0]!), r: await runWay(pool, way, queries) };
      results.push(entry);
      const exact = results[0]!.r;
      console.log(
        `${n} blocks, ${way.label}: p50 ${percentile(entry.r.ms, 50).toFixed(1)} ms, p95 ${percentile(entry.r.ms, 95).toFixed(1)} ms, ` +
          `recall@10 ${recallAt10(exact.top, entry.r.top).toFixed(3)}, plan ${entry.plan}`,
      );
    };
    for (const way of [EXACT, SEQ, hnsw(40), hnsw(80), ...(n < LIGHT_FROM ? [hnsw(200)] : [])]) {
      await measure(way);
    }
    // Per-programme partial indexes: the programme filter picks a graph holding only its own rows.
    // NOF1_BENCH_HNSW_WITH (e.g. "WITH (m = 8, ef_construction = 64)") builds them with other graph parameters.
    const programs = (await pool.query<{ program: string }>('SELECT DISTINCT program FROM content_blocks')).rows;
    const built = await timed(async () => {
      for (const [i, { program }] of programs.entries()) {
        await pool.query(
          `CREATE INDEX bench_partial_${i} ON content_blocks USING hnsw (embedding vector_cosine_ops) ${process.env.NOF1_BENCH_HNSW_WITH ?? ''} WHERE program = '${program.replace(/'/g, "''")}'`,
        );
      }
      await pool.query('DROP INDEX content_blocks_embedding');
      await pool.query('ANALYZE content_blocks');
    });
    for (const ef of [40, 80]) {
      const way = { ...hnsw(ef), label: `partial per-programme HNSW, iterative, ef_search ${ef}` };
      await measure(way);
    }

    const exact = results[0]!.r;
    const exactP95 = percentile(exact.ms, 95);
    const seqP95 = percentile(results[1]!.r.ms, 95);
    printTable(`vector half: ${QUERIES} filtered queries at ${n} blocks, top ${40} fetched, recall@10 vs exact (ms)`, [
      ['way', 'p50', 'p95', 'recall@10', 'exact p95 / p95', 'seq p95 / p95', 'plan (query 1)'],
      ...results.map(({ way, plan, r }) => [
        way.label,
        percentile(r.ms, 50),
        percentile(r.ms, 95),
        recallAt10(exact.top, r.top).toFixed(3),
        (exactP95 / percentile(r.ms, 95)).toFixed(2),
        (seqP95 / percentile(r.ms, 95)).toFixed(2),
        plan,
      ]),
    ]);
    console.log(`partial indexes built in ${seconds(built.ms).toFixed(1)} s`);
    for (const { way, r } of results.slice(1)) {
      printRatio(`${n} blocks p95 exact/${way.label}`, exactP95 / percentile(r.ms, 95));
    }
    for (const { way, r } of results.filter((_, i) => i !== 1)) {
      printRatio(`${n} blocks p95 seq scan/${way.label}`, seqP95 / percentile(r.ms, 95));
    }
  } finally {
    await store.close();
  }
}

export default async function run() {
  for (const n of SIZES) await atSize(n);
}
