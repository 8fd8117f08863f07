import { OPEN_COUNTS_MIGRATION } from './open-counts-migration.js';

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
    name: 'idempotency keys are claimed before the run: in-progress state and the lease of the process running it',
    sql: `
      ALTER TABLE idempotency_keys ADD COLUMN state text NOT NULL DEFAULT 'done' CHECK (state IN ('running', 'done'));
      ALTER TABLE idempotency_keys ADD COLUMN lease_until timestamptz;
    `,
  },
  {
    name: 'runs record their origin (api, or eval: started by an eval suite against the service) for the queue, metrics and figures to leave eval runs out',
    sql: `ALTER TABLE runs ADD COLUMN origin text NOT NULL DEFAULT 'api' CHECK (origin IN ('api', 'eval'));`,
  },
  {
    name: 'the closed loop: subjects, events (anonymous ones without subject or data), triggers, jobs, outbox, webhook deliveries and secrets, message outcomes',
    sql: `
      CREATE TABLE subjects (
        id text PRIMARY KEY,
        audience text,
        consents jsonb NOT NULL DEFAULT '{}'::jsonb,
        withdrawn jsonb NOT NULL DEFAULT '{}'::jsonb,
        timezone text,
        locale text,
        preferences jsonb NOT NULL DEFAULT '{}'::jsonb,
        informed_choice_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE events (
        seq bigserial PRIMARY KEY,
        program text NOT NULL,
        client_id text NOT NULL,
        subject_id text,
        type text NOT NULL,
        at timestamptz NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        message_id text,
        received_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (program, client_id)
      );
      CREATE INDEX events_timeline ON events (subject_id, program, at DESC);
      CREATE INDEX events_message ON events (message_id) WHERE message_id IS NOT NULL;
      CREATE INDEX events_anonymous ON events (program, type, at) WHERE subject_id IS NULL;
      CREATE TABLE program_triggers (
        program text PRIMARY KEY,
        triggers jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE jobs (
        id bigserial PRIMARY KEY,
        key text NOT NULL UNIQUE,
        run_id text NOT NULL UNIQUE,
        program text NOT NULL,
        subject_id text,
        trigger_id text NOT NULL,
        event_id text,
        channel text NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        run_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'scheduled'
          CHECK (status IN ('scheduled', 'running', 'held', 'done', 'failed', 'cancelled')),
        attempts int NOT NULL DEFAULT 0,
        locked_by text,
        locked_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX jobs_due ON jobs (run_at) WHERE status = 'scheduled';
      CREATE INDEX jobs_lease ON jobs (locked_until) WHERE status = 'running';
      CREATE INDEX jobs_held ON jobs (id) WHERE status = 'held';
      CREATE INDEX jobs_subject ON jobs (subject_id);
      CREATE UNIQUE INDEX jobs_one_waiting ON jobs (program, subject_id, trigger_id)
        WHERE status = 'scheduled' AND attempts = 0 AND subject_id IS NOT NULL;
      CREATE TABLE outbox (
        seq bigserial PRIMARY KEY,
        tx bigint NOT NULL DEFAULT txid_current(),
        run_id text NOT NULL UNIQUE,
        program text NOT NULL,
        subject_id text,
        anonymous_id text,
        trigger_id text,
        event_id text,
        answer jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX outbox_program ON outbox (program, seq);
      CREATE INDEX outbox_subject ON outbox (subject_id, seq);
      CREATE TABLE webhook_deliveries (
        id text PRIMARY KEY,
        outbox_seq bigint NOT NULL REFERENCES outbox (seq) ON DELETE CASCADE,
        program text NOT NULL,
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'sending', 'delivered', 'dead', 'cancelled')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        last_status int,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz
      );
      CREATE INDEX deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
      CREATE INDEX deliveries_lease ON webhook_deliveries (locked_until) WHERE status = 'sending';
      CREATE INDEX deliveries_dead ON webhook_deliveries (updated_at DESC, id DESC) WHERE status = 'dead';
      CREATE TABLE program_webhook_secrets (
        program text PRIMARY KEY,
        secret text NOT NULL,
        previous_secret text,
        previous_until timestamptz,
        rotated_at timestamptz NOT NULL DEFAULT now()
      );
      ALTER TABLE program_settings ADD COLUMN outcomes jsonb, ADD COLUMN webhook_url text;
      CREATE TABLE message_outcomes (
        run_id text PRIMARY KEY,
        program text NOT NULL,
        subject_id text,
        channel text NOT NULL,
        barrier text NOT NULL,
        techniques text[] NOT NULL,
        block_ids text[] NOT NULL,
        sent_at timestamptz NOT NULL,
        targets text[],
        window_ends timestamptz,
        outcome text CHECK (outcome IN ('pending', 'achieved', 'not_achieved')),
        achieved_at timestamptz,
        delivered_at timestamptz,
        opened_at timestamptz,
        clicked_at timestamptz,
        replied_at timestamptz,
        opted_out_at timestamptz
      );
      CREATE INDEX outcomes_subject ON message_outcomes (subject_id, program, sent_at DESC);
      CREATE INDEX outcomes_pending ON message_outcomes (window_ends) WHERE outcome = 'pending';
      CREATE INDEX outcomes_program ON message_outcomes (program, barrier, channel);
      CREATE INDEX runs_sent ON runs (sent_at) WHERE sent_at IS NOT NULL;
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
  {
    name: 'programme settings choose the learning mode (off, shadow, on), off by default',
    sql: `
      ALTER TABLE program_settings ADD COLUMN learning text NOT NULL DEFAULT 'off'
        CHECK (learning IN ('off', 'shadow', 'on'));
    `,
  },
  {
    name: 'outcome counts per programme × barrier × leading technique × channel × blocks × known subject, kept by statement triggers on message_outcomes, for the learner and insights',
    sql: `
      CREATE TABLE outcome_counts (
        program text NOT NULL,
        barrier text NOT NULL,
        technique text NOT NULL,
        channel text NOT NULL,
        block_ids text[] NOT NULL,
        known boolean NOT NULL,
        sent bigint NOT NULL,
        achieved bigint NOT NULL,
        not_achieved bigint NOT NULL,
        pending bigint NOT NULL,
        PRIMARY KEY (program, barrier, technique, channel, block_ids, known)
      );
      -- Rows in key order, so concurrent statements lock counts in the same order and never deadlock.
      CREATE FUNCTION outcome_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          INSERT INTO outcome_counts AS c (program, barrier, technique, channel, block_ids, known, sent, achieved, not_achieved, pending)
          SELECT program, barrier, coalesce(techniques[1], ''), channel, block_ids, subject_id IS NOT NULL,
            -count(*), -count(*) FILTER (WHERE outcome = 'achieved'),
            -count(*) FILTER (WHERE outcome = 'not_achieved'), -count(*) FILTER (WHERE outcome = 'pending')
          FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
          ON CONFLICT (program, barrier, technique, channel, block_ids, known) DO UPDATE SET sent = c.sent + EXCLUDED.sent,
            achieved = c.achieved + EXCLUDED.achieved, not_achieved = c.not_achieved + EXCLUDED.not_achieved,
            pending = c.pending + EXCLUDED.pending;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO outcome_counts AS c (program, barrier, technique, channel, block_ids, known, sent, achieved, not_achieved, pending)
          SELECT program, barrier, coalesce(techniques[1], ''), channel, block_ids, subject_id IS NOT NULL,
            count(*), count(*) FILTER (WHERE outcome = 'achieved'),
            count(*) FILTER (WHERE outcome = 'not_achieved'), count(*) FILTER (WHERE outcome = 'pending')
          FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
          ON CONFLICT (program, barrier, technique, channel, block_ids, known) DO UPDATE SET sent = c.sent + EXCLUDED.sent,
            achieved = c.achieved + EXCLUDED.achieved, not_achieved = c.not_achieved + EXCLUDED.not_achieved,
            pending = c.pending + EXCLUDED.pending;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER outcome_counts_insert AFTER INSERT ON message_outcomes
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_counts_apply();
      CREATE TRIGGER outcome_counts_update AFTER UPDATE ON message_outcomes
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_counts_apply();
      CREATE TRIGGER outcome_counts_delete AFTER DELETE ON message_outcomes
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_counts_apply();
      INSERT INTO outcome_counts AS c (program, barrier, technique, channel, block_ids, known, sent, achieved, not_achieved, pending)
          SELECT program, barrier, coalesce(techniques[1], ''), channel, block_ids, subject_id IS NOT NULL,
            count(*), count(*) FILTER (WHERE outcome = 'achieved'),
            count(*) FILTER (WHERE outcome = 'not_achieved'), count(*) FILTER (WHERE outcome = 'pending')
          FROM message_outcomes GROUP BY 1, 2, 3, 4, 5, 6
          ON CONFLICT (program, barrier, technique, channel, block_ids, known) DO UPDATE SET sent = c.sent + EXCLUDED.sent,
            achieved = c.achieved + EXCLUDED.achieved, not_achieved = c.not_achieved + EXCLUDED.not_achieved,
            pending = c.pending + EXCLUDED.pending;
    `,
  },
  {
    name: 'safety cases (adverse events, product complaints, medical-information requests), kept through erasure; a programme may shorten the report window',
    sql: `
      CREATE TABLE safety_cases (
        id text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('adverse_event', 'product_complaint', 'medical_information')),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'reported', 'closed')),
        run_id text NOT NULL,
        subject_ref text NOT NULL,
        program text NOT NULL,
        product text,
        detected_at timestamptz NOT NULL,
        due_by timestamptz NOT NULL,
        narrative text NOT NULL,
        signals int[] NOT NULL,
        history jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (run_id, kind)
      );
      CREATE INDEX safety_cases_page ON safety_cases (created_at DESC, id DESC);
      CREATE INDEX safety_cases_subject ON safety_cases (subject_ref);
      CREATE INDEX safety_cases_due ON safety_cases (due_by) WHERE status IN ('open', 'acknowledged');
      ALTER TABLE program_settings ADD COLUMN safety_report_hours int;
    `,
  },
  {
    name: 'outcomes of runs the learner chose to send nothing for (skip_outcomes), attributed like sent messages and counted in outcome_counts as technique skip on no channel',
    sql: `
      CREATE TABLE skip_outcomes (
        run_id text PRIMARY KEY,
        program text NOT NULL,
        subject_id text,
        barrier text NOT NULL,
        decided_at timestamptz NOT NULL,
        targets text[] NOT NULL,
        window_ends timestamptz NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('pending', 'achieved', 'not_achieved')),
        achieved_at timestamptz
      );
      CREATE INDEX skip_outcomes_subject ON skip_outcomes (subject_id, program, decided_at DESC);
      CREATE INDEX skip_outcomes_pending ON skip_outcomes (window_ends) WHERE outcome = 'pending';
      -- The same counts as a sent message's, under technique 'skip', channel '' and no blocks; sent = decisions.
      CREATE FUNCTION skip_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          INSERT INTO outcome_counts AS c (program, barrier, technique, channel, block_ids, known, sent, achieved, not_achieved, pending)
          SELECT program, barrier, 'skip', '', '{}'::text[], subject_id IS NOT NULL,
            -count(*), -count(*) FILTER (WHERE outcome = 'achieved'),
            -count(*) FILTER (WHERE outcome = 'not_achieved'), -count(*) FILTER (WHERE outcome = 'pending')
          FROM old_rows GROUP BY 1, 2, 6 ORDER BY 1, 2, 6
          ON CONFLICT (program, barrier, technique, channel, block_ids, known) DO UPDATE SET sent = c.sent + EXCLUDED.sent,
            achieved = c.achieved + EXCLUDED.achieved, not_achieved = c.not_achieved + EXCLUDED.not_achieved,
            pending = c.pending + EXCLUDED.pending;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO outcome_counts AS c (program, barrier, technique, channel, block_ids, known, sent, achieved, not_achieved, pending)
          SELECT program, barrier, 'skip', '', '{}'::text[], subject_id IS NOT NULL,
            count(*), count(*) FILTER (WHERE outcome = 'achieved'),
            count(*) FILTER (WHERE outcome = 'not_achieved'), count(*) FILTER (WHERE outcome = 'pending')
          FROM new_rows GROUP BY 1, 2, 6 ORDER BY 1, 2, 6
          ON CONFLICT (program, barrier, technique, channel, block_ids, known) DO UPDATE SET sent = c.sent + EXCLUDED.sent,
            achieved = c.achieved + EXCLUDED.achieved, not_achieved = c.not_achieved + EXCLUDED.not_achieved,
            pending = c.pending + EXCLUDED.pending;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER skip_counts_insert AFTER INSERT ON skip_outcomes
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION skip_counts_apply();
      CREATE TRIGGER skip_counts_update AFTER UPDATE ON skip_outcomes
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION skip_counts_apply();
      CREATE TRIGGER skip_counts_delete AFTER DELETE ON skip_outcomes
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION skip_counts_apply();
    `,
  },
  {
    name: "each known subject's decided outcome counts per programme × barrier × leading technique × channel × blocks (skips as technique skip), kept by statement triggers on message_outcomes and skip_outcomes, so a compose reads them by key",
    sql: `
      CREATE TABLE subject_outcome_counts (
        subject_id text NOT NULL,
        program text NOT NULL,
        barrier text NOT NULL,
        technique text NOT NULL,
        channel text NOT NULL,
        block_ids text[] NOT NULL,
        achieved bigint NOT NULL,
        not_achieved bigint NOT NULL,
        PRIMARY KEY (subject_id, program, barrier, technique, channel, block_ids)
      );
      CREATE FUNCTION subject_counts_from_messages() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          INSERT INTO subject_outcome_counts AS c (subject_id, program, barrier, technique, channel, block_ids, achieved, not_achieved)
          SELECT subject_id, program, barrier, coalesce(techniques[1], ''), channel, block_ids,
            -count(*) FILTER (WHERE outcome = 'achieved'), -count(*) FILTER (WHERE outcome = 'not_achieved')
          FROM old_rows WHERE subject_id IS NOT NULL AND outcome IN ('achieved', 'not_achieved')
          GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
          ON CONFLICT (subject_id, program, barrier, technique, channel, block_ids) DO UPDATE SET
            achieved = c.achieved + EXCLUDED.achieved, not_achieved = c.not_achieved + EXCLUDED.not_achieved;
          -- An erased (unlinked) subject leaves no row behind: not even their pseudonymous id stays.
          DELETE FROM subject_outcome_counts c USING (SELECT DISTINCT subject_id, program FROM old_rows) o
          WHERE c.subject_id = o.subject_id AND c.program = o.program AND c.achieved = 0 AND c.not_achieved = 0;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO subject_outcome_counts AS c (subject_id, program, barrier, technique, channel, block_ids, achieved, not_achieved)
          SELECT subject_id, program, barrier, coalesce(techniques[1], ''), channel, block_ids,
            count(*) FILTER (WHERE outcome = 'achieved'), count(*) FILTER (WHERE outcome = 'not_achieved')
          FROM new_rows WHERE subject_id IS NOT NULL AND outcome IN ('achieved', 'not_achieved')
          GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
          ON CONFLICT (subject_id, program, barrier, technique, channel, block_ids) DO UPDATE SET
            achieved = c.achieved + EXCLUDED.achieved, not_achieved = c.not_achieved + EXCLUDED.not_achieved;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER subject_counts_from_messages_insert AFTER INSERT ON message_outcomes
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION subject_counts_from_messages();
      CREATE TRIGGER subject_counts_from_messages_update AFTER UPDATE ON message_outcomes
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION subject_counts_from_messages();
      CREATE TRIGGER subject_counts_from_messages_delete AFTER DELETE ON message_outcomes
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION subject_counts_from_messages();
      INSERT INTO subject_outcome_counts AS c (subject_id, program, barrier, technique, channel, block_ids, achieved, not_achieved)
        SELECT subject_id, program, barrier, coalesce(techniques[1], ''), channel, block_ids,
          count(*) FILTER (WHERE outcome = 'achieved'), count(*) FILTER (WHERE outcome = 'not_achieved')
        FROM message_outcomes WHERE subject_id IS NOT NULL AND outcome IN ('achieved', 'not_achieved') GROUP BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (subject_id, program, barrier, technique, channel, block_ids) DO UPDATE SET
          achieved = c.achieved + EXCLUDED.achieved, not_achieved = c.not_achieved + EXCLUDED.not_achieved;
      CREATE FUNCTION subject_counts_from_skips() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          INSERT INTO subject_outcome_counts AS c (subject_id, program, barrier, technique, channel, block_ids, achieved, not_achieved)
          SELECT subject_id, program, barrier, 'skip', '', '{}'::text[],
            -count(*) FILTER (WHERE outcome = 'achieved'), -count(*) FILTER (WHERE outcome = 'not_achieved')
          FROM old_rows WHERE subject_id IS NOT NULL AND outcome IN ('achieved', 'not_achieved')
          GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
          ON CONFLICT (subject_id, program, barrier, technique, channel, block_ids) DO UPDATE SET
            achieved = c.achieved + EXCLUDED.achieved, not_achieved = c.not_achieved + EXCLUDED.not_achieved;
          -- An erased (unlinked) subject leaves no row behind: not even their pseudonymous id stays.
          DELETE FROM subject_outcome_counts c USING (SELECT DISTINCT subject_id, program FROM old_rows) o
          WHERE c.subject_id = o.subject_id AND c.program = o.program AND c.achieved = 0 AND c.not_achieved = 0;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO subject_outcome_counts AS c (subject_id, program, barrier, technique, channel, block_ids, achieved, not_achieved)
          SELECT subject_id, program, barrier, 'skip', '', '{}'::text[],
            count(*) FILTER (WHERE outcome = 'achieved'), count(*) FILTER (WHERE outcome = 'not_achieved')
          FROM new_rows WHERE subject_id IS NOT NULL AND outcome IN ('achieved', 'not_achieved')
          GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
          ON CONFLICT (subject_id, program, barrier, technique, channel, block_ids) DO UPDATE SET
            achieved = c.achieved + EXCLUDED.achieved, not_achieved = c.not_achieved + EXCLUDED.not_achieved;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER subject_counts_from_skips_insert AFTER INSERT ON skip_outcomes
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION subject_counts_from_skips();
      CREATE TRIGGER subject_counts_from_skips_update AFTER UPDATE ON skip_outcomes
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION subject_counts_from_skips();
      CREATE TRIGGER subject_counts_from_skips_delete AFTER DELETE ON skip_outcomes
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION subject_counts_from_skips();
      INSERT INTO subject_outcome_counts AS c (subject_id, program, barrier, technique, channel, block_ids, achieved, not_achieved)
        SELECT subject_id, program, barrier, 'skip', '', '{}'::text[],
          count(*) FILTER (WHERE outcome = 'achieved'), count(*) FILTER (WHERE outcome = 'not_achieved')
        FROM skip_outcomes WHERE subject_id IS NOT NULL AND outcome IN ('achieved', 'not_achieved') GROUP BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (subject_id, program, barrier, technique, channel, block_ids) DO UPDATE SET
          achieved = c.achieved + EXCLUDED.achieved, not_achieved = c.not_achieved + EXCLUDED.not_achieved;
    `,
  },
  OPEN_COUNTS_MIGRATION,
];
