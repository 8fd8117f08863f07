import type pg from 'pg';
import type { Engagement } from '../domain/engagement.js';
import { ANONYMOUS_PREFIX } from '../domain/subject.js';
import { attributeSkipEvents, closeSkipWindows, unlinkSubjectSkips } from './skip-outcomes.js';

type Outcome = 'pending' | 'achieved' | 'not_achieved';
export type MessageOutcome = {
  runId: string;
  program: string;
  channel: string;
  barrier: string;
  techniques: string[];
  blockIds: string[];
  sentAt: string;
  /** Null where the programme names no target behaviours. */
  outcome: Outcome | null;
  targets: string[] | null;
  windowEndsAt: string | null;
  achievedAt: string | null;
  deliveredAt: string | null;
  openedAt: string | null;
  clickedAt: string | null;
  repliedAt: string | null;
  optedOutAt: string | null;
};
type Row = Record<string, unknown> & { run_id: string };
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : null);
const toOutcome = (r: Row): MessageOutcome => ({
  runId: r.run_id,
  program: r.program as string,
  channel: r.channel as string,
  barrier: r.barrier as string,
  techniques: r.techniques as string[],
  blockIds: r.block_ids as string[],
  sentAt: iso(r.sent_at)!,
  outcome: r.outcome as Outcome | null,
  targets: r.targets as string[] | null,
  windowEndsAt: iso(r.window_ends),
  achievedAt: iso(r.achieved_at),
  deliveredAt: iso(r.delivered_at),
  openedAt: iso(r.opened_at),
  clickedAt: iso(r.clicked_at),
  repliedAt: iso(r.replied_at),
  optedOutAt: iso(r.opted_out_at),
});

const firstEvent = (type: string) =>
  `(SELECT min(e.at) FROM events e WHERE e.message_id = m.run_id AND e.type = '${type}')`;
const targetHit = `(SELECT min(e.at) FROM events e WHERE e.subject_id = m.subject_id AND e.program = m.program
  AND e.type = ANY(m.targets) AND e.at > m.sent_at AND e.at <= m.window_ends)`;
// An opt-out counts against the latest message sent before it, within a week.
const optOut = `(SELECT min(e.at) FROM events e WHERE e.subject_id = m.subject_id AND e.program = m.program
  AND (e.data->>'optOut') = 'true' AND e.at > m.sent_at AND e.at <= m.sent_at + interval '7 days'
  AND NOT EXISTS (SELECT 1 FROM message_outcomes l WHERE l.subject_id = m.subject_id AND l.program = m.program
    AND l.sent_at > m.sent_at AND l.sent_at < e.at))`;

/**
 * Recomputes outcomes and delivery marks of these messages from the events table: the one definition,
 * used when a message is first recorded, when events arrive, and when windows close. A target event in
 * (sent, sent + window] achieves; a window passed without one does not; until then the outcome is pending.
 */
async function reconcile(db: pg.Pool | pg.PoolClient, runIds: string[]): Promise<number> {
  if (!runIds.length) return 0;
  const r = await db.query(
    `UPDATE message_outcomes m SET
       delivered_at = ${firstEvent('message_delivered')}, opened_at = ${firstEvent('message_opened')},
       clicked_at = ${firstEvent('message_clicked')}, replied_at = ${firstEvent('message_replied')},
       achieved_at = CASE WHEN m.targets IS NULL OR m.subject_id IS NULL THEN NULL ELSE ${targetHit} END,
       opted_out_at = CASE WHEN m.subject_id IS NULL THEN NULL ELSE ${optOut} END
     WHERE m.run_id = ANY($1::text[])`,
    [runIds],
  );
  await db.query(
    `UPDATE message_outcomes SET outcome = CASE WHEN targets IS NULL THEN NULL
       WHEN achieved_at IS NOT NULL THEN 'achieved' WHEN window_ends < now() THEN 'not_achieved' ELSE 'pending' END
     WHERE run_id = ANY($1::text[])`,
    [runIds],
  );
  return r.rowCount ?? 0;
}

/** Erasure: outcomes (of sent messages and of skips) stay in the programme's aggregates, no longer linked to the subject. */
export async function unlinkSubjectOutcomes(client: pg.PoolClient, subjectId: string): Promise<number> {
  await unlinkSubjectSkips(client, subjectId);
  return (
    (await client.query('UPDATE message_outcomes SET subject_id = NULL WHERE subject_id = $1', [subjectId])).rowCount ??
    0
  );
}

/**
 * The messages events may change, in the events' transaction: those named by delivery events, and the
 * recent ones of subjects who did something that counts (a target behaviour of the programme, an opt-out).
 */
export async function attributeEvents(
  client: pg.PoolClient,
  events: {
    messageIds: string[];
    acts: Array<{ subjectId: string; program: string; type: string; at: string; optOut: boolean }>;
  },
): Promise<number> {
  if (!events.messageIds.length && !events.acts.length) return 0;
  const a = events.acts;
  const ids = (
    await client.query<{ run_id: string }>(
      `SELECT run_id FROM message_outcomes WHERE run_id = ANY($1::text[])
       UNION SELECT m.run_id FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::boolean[])
           AS e (subject_id, program, type, at, opt_out)
         JOIN message_outcomes m ON m.subject_id = e.subject_id AND m.program = e.program
         WHERE (e.opt_out OR e.type = ANY(m.targets)) AND m.sent_at < e.at
           AND greatest(m.window_ends, m.sent_at + interval '7 days') >= e.at`,
      [
        events.messageIds,
        a.map((e) => e.subjectId),
        a.map((e) => e.program),
        a.map((e) => e.type),
        a.map((e) => e.at),
        a.map((e) => e.optOut),
      ],
    )
  ).rows.map((r) => r.run_id);
  await attributeSkipEvents(client, a);
  return reconcile(client, ids);
}

/** The engagement columns as `engagementColumns` reads them. */
export type EngagementRow = { week: number; last: Date | null; since: number; answered: Array<boolean | null> };

/**
 * The subject's engagement for their own limits, as columns of a statement (subject and programme given as SQL
 * expressions): counts from the runs, silence from the outcomes (the last twelve messages' answers, newest
 * first). `since` counts from the informed choice the store holds (all time when it holds none, so a choice
 * known only from a request is never acknowledged twice).
 */
export const engagementColumns = (subject: string, program: string) =>
  `(SELECT count(*)::int FROM runs WHERE subject_id = ${subject} AND sent_at >= now() - interval '7 days') AS week,
   (SELECT max(sent_at) FROM runs WHERE subject_id = ${subject} AND program = ${program} AND sent_at IS NOT NULL) AS last,
   (SELECT count(*)::int FROM runs WHERE subject_id = ${subject} AND program = ${program} AND sent_at >= coalesce(
     (SELECT informed_choice_at FROM subjects WHERE id = ${subject}), '-infinity')) AS since,
   ARRAY(SELECT (opened_at IS NOT NULL OR clicked_at IS NOT NULL OR replied_at IS NOT NULL OR outcome = 'achieved')
     FROM message_outcomes WHERE subject_id = ${subject} AND program = ${program} ORDER BY sent_at DESC LIMIT 12) AS answered`;

export function toEngagement(row: EngagementRow): Engagement {
  const streak = row.answered.indexOf(true);
  return {
    sentLast7Days: row.week,
    lastSentAt: row.last?.toISOString() ?? null,
    unansweredStreak: streak === -1 ? row.answered.length : streak,
    sentSince: row.since,
  };
}

export function createOutcomesRepo(pool: pg.Pool) {
  /**
   * Records the sent messages `where` picks (`$1`) that have no outcome yet (sent by compose, a trigger or a
   * reviewer), with the programme's targets and window as they are now, then reads the events already in.
   */
  async function open(where: string, param: unknown): Promise<number> {
    const opened = (
      await pool.query<{ run_id: string }>(
        `INSERT INTO message_outcomes (run_id, program, subject_id, channel, barrier, techniques, block_ids, sent_at,
           targets, window_ends, outcome)
         SELECT r.id, r.program, CASE WHEN r.subject_id LIKE $2 THEN NULL ELSE r.subject_id END, r.channel,
           coalesce(r.barrier, 'none'), r.techniques, r.block_ids, r.sent_at,
           CASE WHEN s.outcomes IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(s.outcomes->'targets')) END,
           r.sent_at + (s.outcomes->>'window')::interval,
           CASE WHEN s.outcomes IS NULL THEN NULL ELSE 'pending' END
         FROM runs r LEFT JOIN program_settings s ON s.program = r.program
         WHERE ${where} AND r.sent_at IS NOT NULL AND r.channel IS NOT NULL
         ON CONFLICT (run_id) DO NOTHING RETURNING run_id`,
        [param, `${ANONYMOUS_PREFIX}%`],
      )
    ).rows.map((r) => r.run_id);
    await reconcile(pool, opened);
    return opened.length;
  }

  /** The worker's sweep: messages sent since `lookbackMs` ago. */
  const openSent = (lookbackMs: number) =>
    open('r.sent_at >= now() - make_interval(secs => $1::double precision / 1000)', lookbackMs);

  /** One sent message, read before the worker's sweep reached it. */
  const openRun = (runId: string) => open('r.id = $1', runId);

  /** Closes windows that have passed: achieved if a target event is in (late arrivals included), else not. */
  async function closeWindows(limit = 5000): Promise<number> {
    const due = (
      await pool.query<{ run_id: string }>(
        `SELECT run_id FROM message_outcomes WHERE outcome = 'pending' AND window_ends < now() ORDER BY window_ends LIMIT $1`,
        [limit],
      )
    ).rows.map((r) => r.run_id);
    await closeSkipWindows(pool, limit);
    return reconcile(pool, due);
  }

  async function get(runId: string): Promise<MessageOutcome | undefined> {
    const row = (await pool.query<Row>('SELECT * FROM message_outcomes WHERE run_id = $1', [runId])).rows[0];
    return row && toOutcome(row);
  }

  /** Every recorded message of a programme sent in [from, to), for a learner to read. */
  async function sentBetween(program: string, from: Date, to: Date, limit = 10_000): Promise<MessageOutcome[]> {
    return (
      await pool.query<Row>(
        `SELECT * FROM message_outcomes WHERE program = $1 AND sent_at >= $2 AND sent_at < $3 ORDER BY sent_at LIMIT $4`,
        [program, from, to, limit],
      )
    ).rows.map(toOutcome);
  }

  /** Programmes that wrote to the subject lately (where an informed choice must be acknowledged). */
  async function recentPrograms(subjectId: string, days: number): Promise<string[]> {
    return (
      await pool.query<{ program: string }>(
        `SELECT DISTINCT program FROM message_outcomes WHERE subject_id = $1 AND sent_at >= now() - make_interval(days => $2)`,
        [subjectId, days],
      )
    ).rows.map((r) => r.program);
  }

  return { openSent, openRun, closeWindows, get, sentBetween, recentPrograms };
}
export type OutcomesRepo = ReturnType<typeof createOutcomesRepo>;
