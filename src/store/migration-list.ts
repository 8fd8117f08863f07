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
  {
    name: 'compose runs, append-only trace records, idempotency, reviews, content gaps, programme settings',
    sql: `
      CREATE TABLE runs (
        id text PRIMARY KEY,
        trace_id text NOT NULL UNIQUE,
        subject_id text,
        program text NOT NULL,
        channel text,
        status text NOT NULL,
        barrier text,
        confidence real,
        techniques text[] NOT NULL DEFAULT '{}',
        block_ids text[] NOT NULL DEFAULT '{}',
        answer jsonb NOT NULL,
        model_calls int NOT NULL DEFAULT 0,
        fallbacks int NOT NULL DEFAULT 0,
        duration_ms real,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      );
      CREATE INDEX runs_subject_sent ON runs (subject_id, sent_at DESC) WHERE sent_at IS NOT NULL;
      CREATE INDEX runs_subject_created ON runs (subject_id, created_at DESC);
      CREATE INDEX runs_created ON runs (created_at DESC, id DESC);
      CREATE TABLE trace_records (
        seq bigserial PRIMARY KEY,
        trace_id text NOT NULL,
        step int NOT NULL,
        kind text NOT NULL,
        record jsonb NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        written_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (trace_id, step)
      );
      CREATE TABLE trace_personal (
        trace_id text NOT NULL,
        step int NOT NULL,
        data jsonb NOT NULL,
        PRIMARY KEY (trace_id, step)
      );
      CREATE TABLE idempotency_keys (
        principal text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        run_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (principal, key)
      );
      CREATE TABLE reviews (
        id text PRIMARY KEY,
        run_id text NOT NULL REFERENCES runs (id),
        reason text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        decision text,
        note text,
        decided_by text,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX reviews_status ON reviews (status, created_at);
      CREATE TABLE content_gaps (
        program text NOT NULL,
        barrier text NOT NULL,
        channel text NOT NULL,
        count int NOT NULL DEFAULT 0,
        last_seen timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (program, barrier, channel)
      );
      CREATE TABLE program_settings (
        program text PRIMARY KEY,
        frequency_cap int NOT NULL,
        frequency_window_days int NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    name: 'eval runs: suite, commit, config, progress, summary, results, accepted baseline',
    sql: `
      CREATE TABLE eval_runs (
        id text PRIMARY KEY,
        suite_name text NOT NULL,
        suite_file text,
        git_commit text,
        config jsonb NOT NULL,
        status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
        error text,
        progress_done int NOT NULL DEFAULT 0,
        progress_total int NOT NULL DEFAULT 0,
        summary jsonb,
        results jsonb,
        accepted boolean NOT NULL DEFAULT false,
        accepted_at timestamptz,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      );
      CREATE INDEX eval_runs_suite_started ON eval_runs (suite_name, started_at DESC);
      CREATE INDEX eval_runs_accepted ON eval_runs (suite_name, accepted_at DESC) WHERE accepted;
    `,
  },
  {
    name: 'indexes for the filters compose and the trace listing use: block kind and barrier, run status/barrier/programme by time',
    sql: `
      CREATE INDEX content_blocks_filter_kind ON content_blocks (program, audience, kind);
      CREATE INDEX content_blocks_filter_barriers ON content_blocks USING gin (barriers);
      CREATE INDEX runs_status_created ON runs (status, created_at DESC, id DESC);
      CREATE INDEX runs_barrier_created ON runs (barrier, created_at DESC, id DESC);
      CREATE INDEX runs_program_created ON runs (program, created_at DESC, id DESC);
    `,
  },
  {
    name: 'trace records name their hash scheme: RFC 8785 canonical JSON from now on, the earlier records stay verifiable',
    sql: `
      ALTER TABLE trace_records ADD COLUMN scheme text NOT NULL DEFAULT 'nof1-v1';
      ALTER TABLE trace_records ALTER COLUMN scheme DROP DEFAULT;
    `,
  },
  {
    name: 'content gaps counted per locale too (programme × barrier × channel × locale); earlier gaps were en-US',
    sql: `
      ALTER TABLE content_gaps ADD COLUMN locale text NOT NULL DEFAULT 'en-US';
      ALTER TABLE content_gaps ALTER COLUMN locale DROP DEFAULT;
      ALTER TABLE content_gaps DROP CONSTRAINT content_gaps_pkey;
      ALTER TABLE content_gaps ADD PRIMARY KEY (program, barrier, channel, locale);
    `,
  },
];
