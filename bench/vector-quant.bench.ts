// Quantised per-programme HNSW indexes (issue 15): the vector half of search, filtered as the composer filters
// it, against a sequential scan measured in the same run. A full 384-float vector is ~1.5 KB, so a graph walk
// reads about as many pages as a scan of the programme; half-precision halves the index, a binary-quantised
// index (48 bytes a vector) is re-ranked by exact cosine distance. The offline hash embedder leaves most
// dimensions at exactly zero, which sign quantisation cannot tell from negative, so a two-bit sign code
// (positive, negative) compared by Jaccard distance is tried too. Recall@10 is against the exact top 10.
import type pg from 'pg';
import pgvector from 'pgvector';
import { createHashEmbedder, EMBEDDING_DIMENSIONS, hashEmbed } from '../src/content/embedder.js';
import { filterSql } from '../src/store/content-filter.js';
import { type BenchQuery, generateBlocks, generateQueries } from './support/blocks.js';
import { loadBlocksLight } from './support/light-load.js';
import { openMemoryRepo } from './support/memory-store.js';
import { printRatio, printTable } from './support/report.js';
import { percentile } from './support/stats.js';
import { seconds, timed } from './support/timer.js';
import { recallAt10, topTen } from './support/top-ten.js';

const SIZES = (process.env.NOF1_BENCH_VECTOR_SIZES ?? '10000').split(',').map(Number);
const QUERIES = 300;
const DEPTH = 40; // what search fetches for a top 10 (limit × 4, at least 40)
const EMBEDDER = createHashEmbedder().name;
const LIGHT_FROM = 50_000;
const D = EMBEDDING_DIMENSIONS;

type Way = { label: string; sql: (cond: string) => string; session: string; reset: string };
const EXACT_D = '(embedding <=> $1::vector)::float8';
const plain = (order: string) => (cond: string) =>
  `SELECT id, ${EXACT_D} AS d FROM content_blocks WHERE ${cond} ORDER BY ${order} LIMIT ${DEPTH}`;
const graph = (ef: number) =>
  `SET enable_sort = off; SET hnsw.iterative_scan = relaxed_order; SET hnsw.ef_search = ${ef}`;
const RESET_GRAPH = 'RESET enable_sort; RESET hnsw.iterative_scan; RESET hnsw.ef_search';

// `+ 0` makes the distance an expression no index answers: the planner must sort the filtered rows.
const EXACT: Way = { label: 'exact (filter, then sort)', sql: plain(`${EXACT_D} + 0`), session: '', reset: '' };
const SEQ: Way = {
  label: 'sequential scan (no index)',
  sql: plain(`${EXACT_D} + 0`),
  session: 'SET enable_indexscan = off; SET enable_bitmapscan = off; SET enable_indexonlyscan = off',
  reset: 'RESET enable_indexscan; RESET enable_bitmapscan; RESET enable_indexonlyscan',
};
const fullPartial = (ef: number): Way => ({
  label: `partial vector HNSW (shipped), ef ${ef}`,
  sql: plain('embedding <=> $1::vector'),
  session: graph(ef),
  reset: RESET_GRAPH,
});
const halfPartial = (ef: number): Way => ({
  label: `partial halfvec HNSW, ef ${ef}`,
  sql: plain(`embedding::halfvec(${D}) <=> $1::vector::halfvec(${D})`),
  session: graph(ef),
  reset: RESET_GRAPH,
});
/** The top `n` by hamming distance from the binary graph, re-ranked by exact cosine distance. */
const bitPartial = (n: number): Way => ({
  label: `partial bit HNSW, top ${n} re-ranked`,
  sql: (cond) => `SELECT id, d FROM (
      SELECT id, ${EXACT_D} AS d FROM content_blocks WHERE ${cond}
      ORDER BY binary_quantize(embedding)::bit(${D}) <~> binary_quantize($1::vector)::bit(${D}) LIMIT ${n}) c
    ORDER BY d, id LIMIT ${DEPTH}`,
  session: graph(Math.max(n, 40)),
  reset: RESET_GRAPH,
});

/** Two bits a dimension, set when it is positive and when it is negative; zero sets neither. */
const SIGN_CODE = `CREATE FUNCTION bench_sign_code(v vector) RETURNS bit varying IMMUTABLE PARALLEL SAFE LANGUAGE sql
  RETURN binary_quantize(v)::bit(${D}) || binary_quantize(v * array_fill(-1::real, ARRAY[${D}])::vector)::bit(${D})`;
const SIGN = `bench_sign_code(embedding)::bit(${2 * D})`;
const signPartial = (n: number): Way => ({
  label: `partial sign-code HNSW (Jaccard), top ${n} re-ranked`,
  sql: (cond) => `SELECT id, d FROM (
      SELECT id, ${EXACT_D} AS d FROM content_blocks WHERE ${cond}
      ORDER BY ${SIGN} <%> bench_sign_code($1::vector)::bit(${2 * D}) LIMIT ${n}) c
    ORDER BY d, id LIMIT ${DEPTH}`,
  session: graph(Math.max(n, 40)),
  reset: RESET_GRAPH,
});
/** What any way pays before it reads a row: the same statement shape, parameters and plan, a false filter. */
const FLOOR: Way = {
  label: 'floor: same statement, no row read',
  sql: (cond) => `SELECT id, ${EXACT_D} AS d FROM content_blocks WHERE ${cond} AND false LIMIT ${DEPTH}`,
  session: '',
  reset: '',
};

const statement = (way: Way, { q, filter }: BenchQuery) => {
  const { where, params } = filterSql(filter, 3);
  return {
    sql: way.sql(`${where.join(' AND ')} AND embedder = $2`),
    values: [pgvector.toSql(hashEmbed(q)), EMBEDDER, ...params],
  };
};

async function runWay(pool: pg.Pool, way: Way, queries: BenchQuery[]) {
  if (way.session) await pool.query(way.session);
  const ms: number[] = [];
  const top: string[][] = [];
  for (const query of queries) {
    const { sql, values } = statement(way, query);
    const { ms: t, result } = await timed(() => pool.query<{ id: string; d: number }>(sql, values));
    ms.push(t);
    top.push(topTen(result.rows));
  }
  if (way.reset) await pool.query(way.reset);
  return { ms, top };
}

/** Which index answers the first query. */
async function planOf(pool: pg.Pool, way: Way, query: BenchQuery) {
  if (way.session) await pool.query(way.session);
  const { sql, values } = statement(way, query);
  const plan = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, values);
  if (way.reset) await pool.query(way.reset);
  const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
  return /Index Scan using (\w+)/.exec(text)?.[1] ?? (text.includes('Seq Scan') ? 'seq scan' : 'other');
}

/**
 * Blocks the table, its TOAST and its indexes have been asked for so far. In memory every block is a hit, so
 * this counts buffer accesses (one per graph neighbour read, one per heap row checked), not distinct pages.
 */
async function blocksRead(pool: pg.Pool) {
  await pool.query('SELECT pg_stat_force_next_flush()');
  const { rows } = await pool.query<{ heap: string; toast: string; index: string }>(
    `SELECT heap_blks_hit + heap_blks_read AS heap,
       coalesce(toast_blks_hit + toast_blks_read + tidx_blks_hit + tidx_blks_read, 0) AS toast,
       coalesce(idx_blks_hit + idx_blks_read, 0) AS index
     FROM pg_statio_user_tables WHERE relname = 'content_blocks'`,
  );
  const r = rows[0]!;
  return [Number(r.heap), Number(r.toast), Number(r.index)];
}

/** Share of dimensions that are exactly zero: binary quantisation maps them to the same bit as negatives. */
const zeroShare = (texts: string[]) =>
  texts.reduce((s, t) => s + hashEmbed(t).filter((x) => x === 0).length / D, 0) / texts.length;

async function buildPartial(pool: pg.Pool, prefix: string, using: string) {
  const programs = (await pool.query<{ program: string }>('SELECT DISTINCT program FROM content_blocks')).rows;
  const built = await timed(async () => {
    for (const [i, { program }] of programs.entries()) {
      await pool.query(
        `CREATE INDEX ${prefix}_${i} ON content_blocks USING hnsw ${using} WHERE program = '${program.replace(/'/g, "''")}'`,
      );
    }
  });
  const size = await pool.query<{ mb: number }>(
    `SELECT sum(pg_relation_size(indexrelid))::float8 / 1048576 AS mb FROM pg_stat_user_indexes WHERE starts_with(indexrelname, $1)`,
    [`${prefix}_`],
  );
  console.log(
    `${prefix}: ${programs.length} indexes built in ${seconds(built.ms).toFixed(1)} s, ${size.rows[0]!.mb.toFixed(1)} MB`,
  );
}

/**
 * The CPU of one distance in each representation, vectors held inline (no TOAST): a graph walk computes one
 * per neighbour it reads, so this is what a smaller index element can save per step.
 */
async function distanceCost(pool: pg.Pool, queries: BenchQuery[]) {
  await pool.query(`CREATE TEMP TABLE bench_codes (v vector(${D}), h halfvec(${D}), b bit(${D}), s bit(${2 * D}))`);
  await pool.query('ALTER TABLE bench_codes ALTER v SET STORAGE PLAIN');
  await pool.query(
    `INSERT INTO bench_codes SELECT embedding, embedding::halfvec(${D}), binary_quantize(embedding)::bit(${D}), ${SIGN} FROM content_blocks`,
  );
  const rows = Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM bench_codes')).rows[0]!.n);
  const forms = [
    ['vector cosine', 'v <=> $1::vector'],
    ['halfvec cosine', `h <=> $1::vector::halfvec(${D})`],
    ['bit hamming', `b <~> binary_quantize($1::vector)::bit(${D})`],
    ['sign-code jaccard', `s <%> bench_sign_code($1::vector)::bit(${2 * D})`],
    ['no distance (scan alone)', '($1::vector IS NULL)::int'],
  ] as const;
  const cost: string[] = [];
  for (const [label, expr] of forms) {
    const { ms } = await timed(async () => {
      for (const { q } of queries.slice(0, 20)) {
        await pool.query(`SELECT sum(${expr}) FROM bench_codes`, [pgvector.toSql(hashEmbed(q))]);
      }
    });
    cost.push(`${label} ${((ms * 1000) / (20 * rows)).toFixed(2)} µs`);
  }
  console.log(`per distance over ${rows} inline rows, 20 queries: ${cost.join(', ')}`);
}

async function atSize(n: number) {
  const { store, repo } = await openMemoryRepo();
  try {
    const { pool } = store;
    const load = await timed(async () => {
      if (n >= LIGHT_FROM) await loadBlocksLight(pool, n, EMBEDDER);
      else await repo.importBlocks(generateBlocks(n));
    });
    const queries = generateQueries(QUERIES);
    console.log(
      `${n} blocks loaded in ${seconds(load.ms).toFixed(1)} s; zero dimensions: blocks ${zeroShare(generateBlocks(500).map((b) => b.text)).toFixed(2)}, queries ${zeroShare(queries.map((x) => x.q)).toFixed(2)}`,
    );
    await pool.query('DROP INDEX content_blocks_embedding');
    await buildPartial(pool, 'bench_full', '(embedding vector_cosine_ops)');
    await buildPartial(pool, 'bench_half', `((embedding::halfvec(${D})) halfvec_cosine_ops)`);
    await buildPartial(pool, 'bench_bit', `((binary_quantize(embedding)::bit(${D})) bit_hamming_ops)`);
    await pool.query(SIGN_CODE);
    await buildPartial(pool, 'bench_sign', `((${SIGN}) bit_jaccard_ops)`);
    await pool.query('ANALYZE content_blocks');
    await runWay(pool, EXACT, generateQueries(20, 99)); // warm-up

    await distanceCost(pool, queries);
    const ways = [
      EXACT,
      SEQ,
      FLOOR,
      fullPartial(40),
      fullPartial(20),
      fullPartial(10),
      halfPartial(40),
      halfPartial(80),
      bitPartial(40),
      bitPartial(80),
      bitPartial(160),
      signPartial(40),
      signPartial(160),
      signPartial(320),
    ];
    const plans = new Map<Way, string>();
    for (const way of ways) plans.set(way, await planOf(pool, way, queries[0]!));
    // Two rounds, the second in reverse order, pooled: load that drifts during the run weighs on every way alike.
    const ms = new Map<Way, number[]>(ways.map((w) => [w, []]));
    const tops = new Map<Way, string[][]>();
    const blocks = new Map<Way, number[]>(ways.map((w) => [w, [0, 0, 0]]));
    for (const round of [ways, [...ways].reverse()]) {
      for (const way of round) {
        const before = await blocksRead(pool);
        const r = await runWay(pool, way, queries);
        const after = await blocksRead(pool);
        blocks.set(
          way,
          blocks.get(way)!.map((b, i) => b + (after[i]! - before[i]!) / (2 * QUERIES)),
        );
        ms.get(way)!.push(...r.ms);
        tops.set(way, r.top);
        console.log(`${n} blocks, ${way.label}: p95 ${percentile(r.ms, 95).toFixed(1)} ms this round`);
      }
    }
    const exact = tops.get(EXACT)!;
    const seqP95 = percentile(ms.get(SEQ)!, 95);
    const seqP50 = percentile(ms.get(SEQ)!, 50);
    printTable(
      `vector half: ${QUERIES} filtered queries × 2 rounds at ${n} blocks, top ${DEPTH}, recall@10 vs exact (ms)`,
      [
        [
          'way',
          'p50',
          'p95',
          'recall@10',
          'seq p50 / p50',
          'seq p95 / p95',
          'blocks/query heap, toast, index',
          'plan (query 1)',
        ],
        ...ways.map((way) => [
          way.label,
          percentile(ms.get(way)!, 50),
          percentile(ms.get(way)!, 95),
          way === FLOOR ? '-' : recallAt10(exact, tops.get(way)!).toFixed(3),
          (seqP50 / percentile(ms.get(way)!, 50)).toFixed(2),
          (seqP95 / percentile(ms.get(way)!, 95)).toFixed(2),
          blocks
            .get(way)!
            .map((b) => b.toFixed(0))
            .join(', '),
          plans.get(way)!,
        ]),
      ],
    );
    for (const way of ways.filter((w) => w !== SEQ)) {
      printRatio(`${n} blocks p95 seq scan/${way.label}`, seqP95 / percentile(ms.get(way)!, 95));
    }
  } finally {
    await store.close();
  }
}

export default async function run() {
  for (const n of SIZES) await atSize(n);
}
