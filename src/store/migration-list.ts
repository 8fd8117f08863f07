/** Ordered, append-only: never edit a shipped migration, add the next one. */
export const MIGRATIONS: ReadonlyArray<{ name: string; sql: string }> = [
  {
    name: 'content blocks with history, embeddings and full-text',
    sql: `
      CREATE EXTENSION IF NOT EXISTS vector;
      CREATE TABLE content_blocks (
        id text PRIMARY KEY,
        version int NOT NULL,
        program text NOT NULL,
        brand text,
        audience text NOT NULL,
        channels text[] NOT NULL,
        kind text NOT NULL,
        requires_isi boolean NOT NULL DEFAULT false,
        tags jsonb NOT NULL DEFAULT '{}'::jsonb,
        barriers text[] NOT NULL DEFAULT '{}',
        text text NOT NULL,
        locale text NOT NULL,
        approval_code text NOT NULL,
        approved_at date NOT NULL,
        expires_at date NOT NULL,
        content_hash text NOT NULL,
        embedder text NOT NULL,
        embedding vector(384) NOT NULL,
        tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
        imported_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE content_block_versions (
        id text NOT NULL,
        version int NOT NULL,
        block jsonb NOT NULL,
        content_hash text NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (id, version)
      );
      CREATE INDEX content_blocks_filter ON content_blocks (program, audience, locale);
      CREATE INDEX content_blocks_tsv ON content_blocks USING gin (tsv);
      CREATE INDEX content_blocks_embedding ON content_blocks USING hnsw (embedding vector_cosine_ops);
    `,
  },
];
