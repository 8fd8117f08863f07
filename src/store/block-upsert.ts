import type pg from 'pg';
import type { Block } from '../domain/block.js';

/** Rebuilt after a bulk load: building the graph once beats updating it row by row. */
export const CREATE_HNSW =
  'CREATE INDEX IF NOT EXISTS content_blocks_embedding ON content_blocks USING hnsw (embedding vector_cosine_ops)';

type UpsertRow = { id: string; block: Block; content_hash: string };

/** Inserts or updates a chunk of blocks (a new version when content changed) and records each version. */
export async function upsertChunk(client: pg.PoolClient, rows: UpsertRow[], embedderName: string) {
  const upserted = await client.query<{ id: string; version: number }>(
    `INSERT INTO content_blocks (id, version, program, brand, audience, channels, kind, requires_isi, tags, barriers,
       text, locale, approval_code, approved_at, expires_at, content_hash, embedder, embedding)
     SELECT r.id, 1, r.program, r.brand, r.audience, r.channels, r.kind, r.requires_isi, r.tags, r.barriers,
       r.text, r.locale, r.approval_code, r.approved_at, r.expires_at, r.content_hash, $2, r.embedding::vector
     FROM jsonb_to_recordset($1::jsonb) AS r(id text, program text, brand text, audience text, channels text[],
       kind text, requires_isi boolean, tags jsonb, barriers text[], text text, locale text, approval_code text,
       approved_at date, expires_at date, content_hash text, embedding text)
     ON CONFLICT (id) DO UPDATE SET version = content_blocks.version + 1, program = EXCLUDED.program,
       brand = EXCLUDED.brand, audience = EXCLUDED.audience, channels = EXCLUDED.channels, kind = EXCLUDED.kind,
       requires_isi = EXCLUDED.requires_isi, tags = EXCLUDED.tags, barriers = EXCLUDED.barriers, text = EXCLUDED.text,
       locale = EXCLUDED.locale, approval_code = EXCLUDED.approval_code, approved_at = EXCLUDED.approved_at,
       expires_at = EXCLUDED.expires_at, content_hash = EXCLUDED.content_hash, embedder = EXCLUDED.embedder,
       embedding = EXCLUDED.embedding, imported_at = now()
     RETURNING id, version`,
    [JSON.stringify(rows), embedderName],
  );
  await client.query(
    `INSERT INTO content_block_versions (id, version, block, content_hash)
     SELECT u.id, u.version, r.block, r.content_hash
     FROM jsonb_to_recordset($1::jsonb) AS u(id text, version int)
     JOIN jsonb_to_recordset($2::jsonb) AS r(id text, block jsonb, content_hash text) USING (id)`,
    [
      JSON.stringify(upserted.rows),
      JSON.stringify(rows.map(({ id, block, content_hash }) => ({ id, block, content_hash }))),
    ],
  );
}
