import type pg from 'pg';
import pgvector from 'pgvector';
import { hashEmbed } from '../../src/content/embedder.js';
import { CREATE_HNSW } from '../../src/store/block-upsert.js';
import { generateBlocks } from './blocks.js';

const CHUNK = 2_000;

/**
 * Loads `n` generated blocks straight into content_blocks (no version history, no import checks), for
 * sizes where `importBlocks` would spend most of the benchmark loading: the rows searched are the same
 * shape. The HNSW index is dropped during the load and built once after it.
 */
export async function loadBlocksLight(pool: pg.Pool, n: number, embedderName: string) {
  await pool.query('DROP INDEX IF EXISTS content_blocks_embedding');
  // Generated once, in the same order and with the same seed as generateBlocks(n) alone.
  const blocks = generateBlocks(n);
  for (let i = 0; i < n; i += CHUNK) {
    const rows = blocks.slice(i, i + CHUNK).map((b) => ({
      id: b.id,
      program: b.program,
      brand: b.brand ?? null,
      audience: b.audience,
      channels: b.channels,
      kind: b.kind,
      requires_isi: b.requiresIsi,
      tags: b.tags,
      barriers: b.tags.barriers,
      text: b.text,
      locale: b.locale,
      approval_code: b.approval.code,
      approved_at: b.approval.approvedAt,
      expires_at: b.approval.expiresAt,
      embedding: pgvector.toSql(hashEmbed(b.text)),
    }));
    await pool.query(
      `INSERT INTO content_blocks (id, version, program, brand, audience, channels, kind, requires_isi, tags, barriers,
         text, locale, approval_code, approved_at, expires_at, content_hash, embedder, embedding)
       SELECT r.id, 1, r.program, r.brand, r.audience, r.channels, r.kind, r.requires_isi, r.tags, r.barriers,
         r.text, r.locale, r.approval_code, r.approved_at, r.expires_at, md5(r.text), $2, r.embedding::vector
       FROM jsonb_to_recordset($1::jsonb) AS r(id text, program text, brand text, audience text, channels text[],
         kind text, requires_isi boolean, tags jsonb, barriers text[], text text, locale text, approval_code text,
         approved_at date, expires_at date, embedding text)`,
      [JSON.stringify(rows), embedderName],
    );
  }
  await pool.query(CREATE_HNSW);
}
