import { createHash } from 'node:crypto';
import type pg from 'pg';
import pgvector from 'pgvector';
import { tokenize } from '../content/embedder.js';
import { expandQuery, orTsquery } from '../content/query-expansion.js';
import type { Block, ScoredBlock, StoredBlock } from '../domain/block.js';
import type { BlockFilter, Embedder, SearchOptions } from '../domain/ports.js';
import { CREATE_HNSW, upsertChunk } from './block-upsert.js';
import { filterSql } from './content-filter.js';
import {
  dropPartialIndexes,
  ensurePartialIndexes,
  type IndexThresholds,
  indexFor,
  partialIndexes,
} from './partial-vector-indexes.js';
import { inTransaction } from './transaction.js';

export type ImportCounts = { imported: number; updated: number; unchanged: number };

/** Above this many rows an import drops the HNSW index and builds it once after the load. */
const BULK_ROWS = 2000;
const CHUNK = 500;
const RRF_K = 60;
/**
 * Cosine similarity a block must reach to count as relevant without sharing a word with the search: the
 * offline embedder hashes words and letter trigrams, so unrelated short texts still score about 0.1–0.2.
 * Set from the labelled queries in test/content/search-relevance.int.test.ts.
 */
const MIN_SIMILARITY = 0.35;

// Parsed blocks have schema key order, so their JSON is a stable fingerprint of the content.
const hashOf = (b: Block) => createHash('sha256').update(JSON.stringify(b)).digest('hex');

const COLUMNS = `id, version, program, brand, audience, channels, kind, requires_isi, tags, text, locale,
  approval_code, to_char(approved_at, 'YYYY-MM-DD') AS approved_at, to_char(expires_at, 'YYYY-MM-DD') AS expires_at`;

type Row = {
  id: string;
  version: number;
  program: string;
  brand: string | null;
  audience: string;
  channels: string[];
  kind: Block['kind'];
  requires_isi: boolean;
  tags: Block['tags'];
  text: string;
  locale: string;
  approval_code: string;
  approved_at: string;
  expires_at: string;
  usable: boolean;
  score?: number;
};

function toBlock(r: Row): StoredBlock {
  return {
    id: r.id,
    version: r.version,
    program: r.program,
    ...(r.brand ? { brand: r.brand } : {}),
    audience: r.audience,
    channels: r.channels as Block['channels'],
    kind: r.kind,
    requiresIsi: r.requires_isi,
    tags: r.tags,
    text: r.text,
    locale: r.locale,
    approval: { code: r.approval_code, approvedAt: r.approved_at, expiresAt: r.expires_at },
    usable: r.usable,
  };
}

type ListFilter = BlockFilter & { includeUnusable?: boolean; limit: number; offset?: number };

const BY_IDS_SQL = `SELECT ${COLUMNS}, (approved_at <= current_date AND expires_at >= current_date) AS usable
  FROM content_blocks WHERE id = ANY($1::text[])`;

/** A listing's statement and its parameters. */
function listSql(filter: ListFilter) {
  const { where, params, usable } = filterSql(filter, 1);
  const sql = `SELECT ${COLUMNS}, ${usable} AS usable FROM content_blocks
      WHERE ${filter.includeUnusable ? where.filter((w) => w !== usable).join(' AND ') || 'true' : where.join(' AND ')}
      ORDER BY program, id LIMIT ${filter.limit} OFFSET ${filter.offset ?? 0}`;
  return { sql, params };
}

/** Blocks a programme, and a programme's audience, need before they get their own HNSW index (partial-vector-indexes.ts). */
export type ContentRepoOptions = IndexThresholds;

export function createContentRepo(pool: pg.Pool, embedder: Embedder, opts: ContentRepoOptions = {}) {
  async function importBlocks(blocks: Block[]): Promise<ImportCounts> {
    const latest = new Map(blocks.map((b) => [b.id, b]));
    const unique = [...latest.values()].map((b) => ({ block: b, hash: hashOf(b) }));
    const existing = new Map(
      (
        await pool.query<{ id: string; content_hash: string }>(
          'SELECT id, content_hash FROM content_blocks WHERE id = ANY($1::text[])',
          [unique.map((u) => u.block.id)],
        )
      ).rows.map((r) => [r.id, r.content_hash]),
    );
    const changed = unique.filter((u) => existing.get(u.block.id) !== u.hash);
    const vectors = changed.length ? await embedder.embed(changed.map((u) => u.block.text)) : [];
    const rows = changed.map((u, i) => ({
      id: u.block.id,
      program: u.block.program,
      brand: u.block.brand ?? null,
      audience: u.block.audience,
      channels: u.block.channels,
      kind: u.block.kind,
      requires_isi: u.block.requiresIsi,
      tags: u.block.tags,
      barriers: u.block.tags.barriers,
      text: u.block.text,
      locale: u.block.locale,
      approval_code: u.block.approval.code,
      approved_at: u.block.approval.approvedAt,
      expires_at: u.block.approval.expiresAt,
      content_hash: u.hash,
      embedding: pgvector.toSql(vectors[i]!),
      block: u.block,
    }));
    const bulk = rows.length >= BULK_ROWS;
    await inTransaction(pool, async (client) => {
      if (bulk) {
        await client.query('DROP INDEX IF EXISTS content_blocks_embedding');
        await dropPartialIndexes(
          client,
          rows.map((r) => r.program),
        );
      }
      for (let i = 0; i < rows.length; i += CHUNK) {
        await upsertChunk(client, rows.slice(i, i + CHUNK), embedder.name);
      }
      if (bulk) await client.query(CREATE_HNSW);
      if (changed.length) await ensurePartialIndexes(client, opts);
    });
    if (changed.length) forgetCaches();
    const updated = changed.filter((u) => existing.has(u.block.id)).length;
    return { imported: changed.length - updated, updated, unchanged: unique.length - changed.length };
  }

  async function list(filter: ListFilter) {
    const { sql, params } = listSql(filter);
    return (await pool.query<Row>(sql, params)).rows.map(toBlock);
  }

  /**
   * Hybrid search: cosine (HNSW) and full-text ranks fused by reciprocal rank, filters first. A person's
   * search (`relevantOnly`) widens the full-text query with the synonym data and keeps only blocks that
   * match it or lie within MIN_SIMILARITY in meaning.
   */
  async function search(query: string, filter: SearchOptions): Promise<ScoredBlock[]> {
    const { words, added } = filter.relevantOnly ? expandQuery(query) : { words: tokenize(query), added: [] };
    const terms = [...new Set(words)].slice(0, 32);
    // The vector half reads the widened words too: the hash embedder only knows the words it is given.
    const [vector] = await embedder.embed([filter.relevantOnly ? [query, ...added].join(' ') : query]);
    const people = Boolean(filter.relevantOnly);
    const { where, params } = filterSql(filter, people ? 5 : 4);
    const cond = where.join(' AND ');
    const depth = Math.max(filter.limit * 4, 40);
    // A person's search also ranks by the searcher's own words and keeps only relevant blocks; the
    // composer's search keeps the plain shape (one rank, no cut-off), which costs nothing extra.
    const rank = people ? 'ts_rank_cd(tsv, q) + ts_rank_cd(tsv, own)' : 'ts_rank_cd(tsv, q)';
    const ownQuery = people ? ", to_tsquery('english', $4) own" : '';
    const names = filter.program === undefined ? undefined : await vectorIndexes();
    const walk = names !== undefined && indexFor(names, filter) !== undefined;
    const rows = `SELECT id, embedding <=> $1::vector AS dist FROM content_blocks WHERE ${cond} AND embedder = $3`;
    // A programme's search walks its group's graph when there is one; otherwise it sorts the filtered rows, and
    // OFFSET 0 keeps the planner from walking a larger group's graph instead (slower: bench/RESULTS.md, issue 15).
    const nearest =
      names === undefined || walk ? `${rows} ORDER BY dist` : `SELECT * FROM (${rows} OFFSET 0) f ORDER BY dist`;
    const sql = `
      WITH vec AS (
        SELECT id, dist, row_number() OVER (ORDER BY dist, id) AS r FROM (${nearest} LIMIT ${depth}) v
      ), fts AS (
        SELECT id, row_number() OVER (ORDER BY rank DESC, id) AS r FROM (
          SELECT id, ${rank} AS rank FROM content_blocks, to_tsquery('english', $2) q${ownQuery}
          WHERE $2 <> '' AND ${cond} AND tsv @@ q ORDER BY rank DESC LIMIT ${depth}) t
      ), fused AS (
        SELECT id, sum(1.0 / (${RRF_K} + r)) AS score, bool_or(matched) AS matched, min(dist) AS dist FROM (
          SELECT id, r, false AS matched, dist FROM vec UNION ALL SELECT id, r, true, NULL FROM fts) u GROUP BY id
      )
      SELECT ${COLUMNS}, true AS usable, fused.score::float8 AS score
      FROM fused JOIN content_blocks USING (id)
      ${people ? `WHERE matched OR dist <= ${1 - MIN_SIMILARITY}` : ''}
      ORDER BY score DESC, id LIMIT ${filter.limit}`;
    const tsquery = orTsquery([...terms, ...added]);
    const own = orTsquery(terms) || tsquery;
    const values = [pgvector.toSql(vector!), tsquery, embedder.name, ...(people ? [own] : []), ...params];
    // With no sort allowed the planner walks the group's own graph instead of sorting the filtered rows;
    // SET LOCAL keeps that to this one statement's transaction.
    const found = walk
      ? await inTransaction(pool, async (client) => {
          await client.query('SET LOCAL enable_sort = off');
          return (await client.query<Row>(sql, values)).rows;
        })
      : (await pool.query<Row>(sql, values)).rows;
    return found.map((r) => ({ ...toBlock(r), score: Number(r.score) }));
  }

  async function byIds(ids: string[]): Promise<StoredBlock[]> {
    return (await pool.query<Row>(BY_IDS_SQL, [ids])).rows.map(toBlock);
  }

  /** The text of each block as a message used it (that version; the current one when none is named). */
  async function versionTexts(refs: Array<{ id: string; version?: number }>) {
    if (refs.length === 0) return [];
    return (
      await pool.query<{
        id: string;
        asked: number | null;
        version: number | null;
        kind: string | null;
        text: string | null;
      }>(
        `SELECT r.id, r.version AS asked, coalesce(r.version, b.version) AS version, v.block->>'kind' AS kind, v.block->>'text' AS text
         FROM jsonb_to_recordset($1::jsonb) AS r(id text, version int)
         LEFT JOIN content_blocks b ON b.id = r.id
         LEFT JOIN content_block_versions v ON v.id = r.id AND v.version = coalesce(r.version, b.version)`,
        [JSON.stringify(refs.map((r) => ({ id: r.id, version: r.version ?? null })))],
      )
    ).rows;
  }

  async function history(id: string) {
    return (
      await pool.query<{ version: number; block: Block; imported_at: Date }>(
        'SELECT version, block, imported_at FROM content_block_versions WHERE id = $1 ORDER BY version',
        [id],
      )
    ).rows;
  }

  /** Re-embeds rows written by another embedder, so a configuration change never splits the index. */
  async function reembedStale(): Promise<number> {
    let done = 0;
    for (;;) {
      const stale = (
        await pool.query<{ id: string; text: string }>(
          'SELECT id, text FROM content_blocks WHERE embedder <> $1 ORDER BY id LIMIT $2',
          [embedder.name, CHUNK],
        )
      ).rows;
      if (stale.length === 0) return done;
      const vectors = await embedder.embed(stale.map((r) => r.text));
      await pool.query(
        `UPDATE content_blocks b SET embedding = v.embedding::vector, embedder = $2
         FROM jsonb_to_recordset($1::jsonb) AS v(id text, embedding text) WHERE b.id = v.id`,
        [JSON.stringify(stale.map((r, i) => ({ id: r.id, embedding: pgvector.toSql(vectors[i]!) }))), embedder.name],
      );
      done += stale.length;
    }
  }

  let vocabulary: Promise<string[]> | undefined;
  /** Brand and programme names in the library, cached until the next import changes them. */
  function contentTerms(): Promise<string[]> {
    vocabulary ??= pool
      .query<{ term: string }>(
        'SELECT DISTINCT brand AS term FROM content_blocks WHERE brand IS NOT NULL UNION SELECT DISTINCT program FROM content_blocks',
      )
      .then((r) => r.rows.map((row) => row.term))
      .catch((err) => {
        vocabulary = undefined;
        throw err;
      });
    return vocabulary;
  }

  let programNames: Promise<string[]> | undefined;
  /** The programmes the library has blocks for, cached until the next import changes them. */
  function programs(): Promise<string[]> {
    programNames ??= pool
      .query<{ program: string }>('SELECT DISTINCT program FROM content_blocks ORDER BY program')
      .then((r) => r.rows.map((row) => row.program))
      .catch((err) => {
        programNames = undefined;
        throw err;
      });
    return programNames;
  }

  let indexNames: Promise<Set<string>> | undefined;
  /** The programmes' and audiences' own vector indexes, cached until the next import (which may build one). */
  function vectorIndexes(): Promise<Set<string>> {
    indexNames ??= partialIndexes(pool).catch((err) => {
      indexNames = undefined;
      throw err;
    });
    return indexNames;
  }

  /** Drops what is cached from the library: it changed (here, or in another process on the same store). */
  function forgetCaches() {
    vocabulary = undefined;
    programNames = undefined;
    indexNames = undefined;
  }

  async function count(): Promise<number> {
    return (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM content_blocks')).rows[0]!.n;
  }

  return {
    importBlocks,
    list,
    search,
    byIds,
    history,
    versionTexts,
    count,
    reembedStale,
    contentTerms,
    programs,
    forgetCaches,
  };
}
export type ContentRepo = ReturnType<typeof createContentRepo>;
