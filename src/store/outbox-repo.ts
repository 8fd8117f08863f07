import type pg from 'pg';
import type { ComposeAnswer } from '../domain/compose.js';

export type OutboxEntry = {
  seq: number;
  runId: string;
  program: string;
  subjectId: string | null;
  anonymousId: string | null;
  triggerId: string | null;
  eventId: string | null;
  answer: ComposeAnswer;
  createdAt: string;
};
type Row = {
  seq: string;
  run_id: string;
  program: string;
  subject_id: string | null;
  anonymous_id: string | null;
  trigger_id: string | null;
  event_id: string | null;
  answer: ComposeAnswer;
  created_at: Date;
};
const toEntry = (r: Row): OutboxEntry => ({
  seq: Number(r.seq),
  runId: r.run_id,
  program: r.program,
  subjectId: r.subject_id,
  anonymousId: r.anonymous_id,
  triggerId: r.trigger_id,
  eventId: r.event_id,
  answer: r.answer,
  createdAt: r.created_at.toISOString(),
});

/** Adds a message to the outbox in the transaction that finished its job; a run is there at most once. */
export async function appendOutbox(
  client: pg.PoolClient,
  e: Omit<OutboxEntry, 'seq' | 'createdAt'>,
): Promise<number | undefined> {
  const r = await client.query<{ seq: string }>(
    `INSERT INTO outbox (run_id, program, subject_id, anonymous_id, trigger_id, event_id, answer)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (run_id) DO NOTHING RETURNING seq`,
    [e.runId, e.program, e.subjectId, e.anonymousId, e.triggerId, e.eventId, e.answer],
  );
  return r.rows[0] ? Number(r.rows[0].seq) : undefined;
}

/** Erasure: entries keep the approved message (no personal data) and lose whom it was for. */
export async function forgetSubjectOutbox(client: pg.PoolClient, subjectId: string): Promise<number> {
  return (
    (await client.query('UPDATE outbox SET subject_id = NULL, anonymous_id = NULL WHERE subject_id = $1', [subjectId]))
      .rowCount ?? 0
  );
}

export function createOutboxRepo(pool: pg.Pool) {
  /**
   * Entries after a sequence number, oldest first. An entry shows only once every transaction older than
   * its own has ended, so a reader following `after` never skips one that commits late.
   */
  async function list(filter: { program?: string; subjectId?: string; after: number; limit: number }) {
    const rows = (
      await pool.query<Row>(
        `SELECT * FROM outbox
         WHERE seq > $1 AND ($2::text IS NULL OR program = $2) AND ($3::text IS NULL OR subject_id = $3)
           AND tx < txid_snapshot_xmin(txid_current_snapshot())
         ORDER BY seq LIMIT $4`,
        [filter.after, filter.program ?? null, filter.subjectId ?? null, filter.limit],
      )
    ).rows;
    return rows.map(toEntry);
  }

  async function get(seq: number): Promise<OutboxEntry | undefined> {
    const row = (await pool.query<Row>('SELECT * FROM outbox WHERE seq = $1', [seq])).rows[0];
    return row && toEntry(row);
  }

  return { list, get };
}
export type OutboxRepo = ReturnType<typeof createOutboxRepo>;
