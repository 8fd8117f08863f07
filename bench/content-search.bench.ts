import type pg from 'pg';
import pgvector from 'pgvector';
import { hashEmbed } from '../src/content/embedder.js';
import { filterSql } from '../src/store/content-filter.js';
import { type BenchQuery, generateBlocks, generateQueries } from './support/blocks.js';
import { openMemoryRepo } from './support/memory-store.js';
import { printRatio, printTable, printTarget } from './support/report.js';
import { mean, percentile } from './support/stats.js';
import { timed } from './support/timer.js';

const BLOCKS = 10_000;
const QUERIES = 500;
const TARGET_P95_MS = 15;
// Sequential-scan baseline: no index may serve any part of the query (HNSW, GIN or b-tree).
const SEQSCAN_ON = 'SET enable_indexscan = off; SET enable_bitmapscan = off';
const SEQSCAN_OFF = 'RESET enable_indexscan; RESET enable_bitmapscan';

type Repo = Awaited<ReturnType<typeof openMemoryRepo>>['repo'];

async function runQueries(repo: Repo, queries: BenchQuery[], relevantOnly = false) {
  const ms: number[] = [];
  const ids: string[][] = [];
  for (const { q, filter } of queries) {
    const { ms: t, result } = await timed(() => repo.search(q, { ...filter, relevantOnly }));
    ms.push(t);
    ids.push(result.map((b) => b.id));
  }
  return { ms, ids };
}

/** How the planner serves the vector half of each query (EXPLAIN of the same filtered nearest-neighbour scan). */
async function vectorPlans(pool: pg.Pool, queries: BenchQuery[]) {
  const counts = new Map<string, number>();
  for (const { q, filter } of queries) {
    const { where, params } = filterSql(filter, 2);
    const plan = await pool.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT id FROM content_blocks WHERE ${where.join(' AND ')}
       ORDER BY embedding <=> $1::vector LIMIT ${Math.max(filter.limit * 4, 40)}`,
      [pgvector.toSql(hashEmbed(q)), ...params],
    );
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    const kind = text.includes('content_blocks_embedding')
      ? 'HNSW'
      : text.includes('content_blocks_filter')
        ? 'filter b-tree + sort'
        : 'seq scan + sort';
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${k} ${n}`).join(', ');
}

/**
 * Index scans of the partial HNSW indexes (per programme, and per programme and audience) so far: what the
 * search really walked, not what EXPLAIN guesses.
 */
async function partialIndexScans(pool: pg.Pool) {
  await pool.query('SELECT pg_stat_force_next_flush()');
  const { rows } = await pool.query<{ n: number; indexes: number }>(
    `SELECT coalesce(sum(idx_scan), 0)::int AS n, count(*)::int AS indexes FROM pg_stat_user_indexes
     WHERE starts_with(indexrelname, 'content_blocks_embedding_')`,
  );
  return rows[0]!;
}

export default async function run() {
  const { store, repo } = await openMemoryRepo();
  try {
    await repo.importBlocks(generateBlocks(BLOCKS));
    await store.pool.query('ANALYZE content_blocks');
    const queries = generateQueries(QUERIES);
    await runQueries(repo, generateQueries(25, 99)); // warm-up

    const indexedPlans = await vectorPlans(store.pool, queries);
    const scans0 = await partialIndexScans(store.pool);
    const indexed = await runQueries(repo, queries);
    const scans1 = await partialIndexScans(store.pool);
    console.log(`partial HNSW indexes: ${scans1.indexes}; searches that walked one: ${scans1.n - scans0.n}/${QUERIES}`);
    // A person's search (API, CLI): synonyms widen the full-text half, a cut-off drops unrelated blocks.
    const people = await runQueries(repo, queries, true);
    await store.pool.query(SEQSCAN_ON);
    const seqPlans = await vectorPlans(store.pool, queries);
    const seq = await runQueries(repo, queries);
    await store.pool.query(SEQSCAN_OFF);

    // Share of the exact (sequential-scan) top 10 that the indexed search also returned.
    let hits = 0;
    let total = 0;
    for (const [i, exact] of seq.ids.entries()) {
      const got = new Set(indexed.ids[i]);
      hits += exact.filter((id) => got.has(id)).length;
      total += exact.length;
    }

    const row = (label: string, r: { ms: number[] }, plans: string) => [
      label,
      percentile(r.ms, 50),
      percentile(r.ms, 95),
      percentile(r.ms, 99),
      mean(r.ms),
      plans,
    ];
    printTable(`content search: ${QUERIES} filtered hybrid queries at ${BLOCKS} blocks, top 10 (ms, end to end)`, [
      ['run', 'p50', 'p95', 'p99', 'mean', 'vector half planned as'],
      row('indexes on (planner)', indexed, indexedPlans),
      row('people search (synonyms + cut-off)', people, indexedPlans),
      row('baseline: sequential scan', seq, seqPlans),
    ]);
    console.log(`top-10 agreement with the exact baseline: ${((100 * hits) / Math.max(total, 1)).toFixed(1)}%`);
    console.log(`queries with no usable block: ${indexed.ids.filter((r) => r.length === 0).length}/${QUERIES}`);
    printRatio('search p95 indexed/seqscan', percentile(indexed.ms, 95) / percentile(seq.ms, 95));
    printRatio('people search p95 / plain search p95', percentile(people.ms, 95) / percentile(indexed.ms, 95));
    const shown = (r: { ids: string[][] }) => (r.ids.reduce((n, x) => n + x.length, 0) / QUERIES).toFixed(1);
    console.log(`blocks per query: plain ${shown(indexed)}, people search ${shown(people)}`);
    printTarget('search p95', percentile(indexed.ms, 95), TARGET_P95_MS, 'ms');
  } finally {
    await store.close();
  }
}
