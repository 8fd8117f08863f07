import type pg from 'pg';
import type { Signal } from '../domain/compose.js';

/** An event as stored: anonymous ones keep no subject and no data (no personal memory), only what counts. */
export type EventRow = {
  program: string;
  clientId: string;
  subjectId: string | null;
  type: string;
  at: string;
  data: Record<string, unknown>;
  messageId: string | null;
};
export type StoredEvent = EventRow & { seq: number };

/** Consent changes are applied to the subject when they arrive; as signals they would only repeat it. */
const NOT_SIGNALS = ['unsubscribe'];

/** Erasure's statement for this table: the subject's timeline goes. */
export async function eraseSubjectEvents(client: pg.PoolClient, subjectId: string): Promise<number> {
  return (await client.query('DELETE FROM events WHERE subject_id = $1', [subjectId])).rowCount ?? 0;
}

/**
 * One multi-row INSERT per batch; a client event id already stored for the programme is skipped by the
 * unique index (ON CONFLICT DO NOTHING), so retries and replays never double an event.
 */
export async function insertEvents(client: pg.PoolClient, rows: EventRow[]): Promise<StoredEvent[]> {
  if (!rows.length) return [];
  const inserted = await client.query<{ seq: string; program: string; client_id: string }>(
    `INSERT INTO events (program, client_id, subject_id, type, at, data, message_id)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::jsonb[], $7::text[])
     ON CONFLICT (program, client_id) DO NOTHING
     RETURNING seq, program, client_id`,
    [
      rows.map((r) => r.program),
      rows.map((r) => r.clientId),
      rows.map((r) => r.subjectId),
      rows.map((r) => r.type),
      rows.map((r) => r.at),
      rows.map((r) => JSON.stringify(r.data)),
      rows.map((r) => r.messageId),
    ],
  );
  const byKey = new Map(rows.map((r) => [`${r.program}\u001f${r.clientId}`, r]));
  return inserted.rows.map((i) => ({ ...byKey.get(`${i.program}\u001f${i.client_id}`)!, seq: Number(i.seq) }));
}

export function createEventsRepo(pool: pg.Pool) {
  /** The subject's recent timeline in the programme, oldest first, as compose signals. */
  async function timeline(
    subjectId: string,
    program: string,
    opts: { days: number; limit: number },
  ): Promise<Signal[]> {
    const rows = (
      await pool.query<{ type: string; at: Date; data: Record<string, unknown> }>(
        `SELECT type, at, data FROM events
         WHERE subject_id = $1 AND program = $2 AND at >= now() - make_interval(days => $3) AND NOT type = ANY($5::text[])
         ORDER BY at DESC LIMIT $4`,
        [subjectId, program, opts.days, opts.limit, NOT_SIGNALS],
      )
    ).rows;
    return rows.reverse().map((r) => ({ type: r.type, at: r.at.toISOString(), data: r.data }));
  }

  /** Delivery events the client reported for one message, in order. */
  async function forMessage(messageId: string) {
    return (
      await pool.query<{ type: string; at: Date }>(
        'SELECT type, at FROM events WHERE message_id = $1 ORDER BY at, seq',
        [messageId],
      )
    ).rows.map((r) => ({ type: r.type, at: r.at.toISOString() }));
  }

  /** Events of visitors known only anonymously: counts by type, nothing else is kept. */
  async function anonymousCounts(program: string) {
    return (
      await pool.query<{ type: string; n: number }>(
        'SELECT type, count(*)::int AS n FROM events WHERE program = $1 AND subject_id IS NULL GROUP BY type ORDER BY type',
        [program],
      )
    ).rows.map((r) => ({ type: r.type, count: r.n }));
  }

  return { timeline, forMessage, anonymousCounts };
}
export type EventsRepo = ReturnType<typeof createEventsRepo>;
