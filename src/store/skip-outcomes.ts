import type pg from 'pg';
import type { ComposeAnswer } from '../domain/compose.js';
import { ANONYMOUS_PREFIX } from '../domain/subject.js';

/**
 * A run the learner chose to send nothing for: a barrier to address, no technique, nothing sent (the run
 * policy's "send nothing" ending). A subject known only anonymously is left out: nothing they do later
 * can be seen, so the skip could never be achieved.
 */
export function isLearnerSkip(answer: ComposeAnswer, subjectId: string | null): boolean {
  const barrier = answer.diagnosis?.barrier;
  return (
    answer.status === 'skipped' &&
    barrier !== undefined &&
    barrier !== 'none' &&
    (answer.strategy?.techniques.length ?? 0) === 0 &&
    subjectId !== null &&
    !subjectId.startsWith(ANONYMOUS_PREFIX)
  );
}

/**
 * The same rule as a sent message's outcome (outcomes-repo.ts): a target event in (decided, decided +
 * window] achieves; a window passed without one does not; until then pending. An erased subject's skip
 * (subject unlinked) can no longer be achieved.
 */
async function reconcileSkips(db: pg.Pool | pg.PoolClient, runIds: string[]): Promise<number> {
  if (!runIds.length) return 0;
  const r = await db.query(
    `UPDATE skip_outcomes k SET
       achieved_at = a.at,
       outcome = CASE WHEN a.at IS NOT NULL THEN 'achieved' WHEN k.window_ends < now() THEN 'not_achieved' ELSE 'pending' END
     FROM (SELECT s.run_id, (SELECT min(e.at) FROM events e WHERE e.subject_id = s.subject_id AND e.program = s.program
             AND e.type = ANY(s.targets) AND e.at > s.decided_at AND e.at <= s.window_ends) AS at
           FROM skip_outcomes s WHERE s.run_id = ANY($1::text[])) a
     WHERE k.run_id = a.run_id`,
    [runIds],
  );
  return r.rowCount ?? 0;
}

/**
 * Opens the outcome of a learner's skip in the run's own transaction, with the programme's targets and
 * window as they are now; nothing when the programme names no target behaviour.
 */
export async function openSkip(
  client: pg.PoolClient,
  run: { runId: string; program: string; subjectId: string; barrier: string },
): Promise<boolean> {
  const opened = await client.query(
    `INSERT INTO skip_outcomes (run_id, program, subject_id, barrier, decided_at, targets, window_ends, outcome)
     SELECT $1, $2, $3, $4, now(), ARRAY(SELECT jsonb_array_elements_text(s.outcomes->'targets')),
       now() + (s.outcomes->>'window')::interval, 'pending'
     FROM program_settings s WHERE s.program = $2 AND s.outcomes IS NOT NULL
     ON CONFLICT (run_id) DO NOTHING`,
    [run.runId, run.program, run.subjectId, run.barrier],
  );
  return (opened.rowCount ?? 0) > 0;
}

/** The skips a subject's target behaviours may achieve, in the events' transaction. */
export async function attributeSkipEvents(
  client: pg.PoolClient,
  acts: ReadonlyArray<{ subjectId: string; program: string; type: string; at: string }>,
): Promise<number> {
  if (!acts.length) return 0;
  const ids = (
    await client.query<{ run_id: string }>(
      `SELECT DISTINCT k.run_id FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[])
           AS e (subject_id, program, type, at)
         JOIN skip_outcomes k ON k.subject_id = e.subject_id AND k.program = e.program
         WHERE e.type = ANY(k.targets) AND k.decided_at < e.at AND k.window_ends >= e.at`,
      [acts.map((e) => e.subjectId), acts.map((e) => e.program), acts.map((e) => e.type), acts.map((e) => e.at)],
    )
  ).rows.map((r) => r.run_id);
  return reconcileSkips(client, ids);
}

/** Closes skip windows that have passed: achieved if a target event is in (late arrivals included), else not. */
export async function closeSkipWindows(pool: pg.Pool, limit = 5000): Promise<number> {
  const due = (
    await pool.query<{ run_id: string }>(
      `SELECT run_id FROM skip_outcomes WHERE outcome = 'pending' AND window_ends < now() ORDER BY window_ends LIMIT $1`,
      [limit],
    )
  ).rows.map((r) => r.run_id);
  return reconcileSkips(pool, due);
}

/** Erasure: skips stay in the programme's counts, no longer linked to the subject (so no longer learnt from). */
export async function unlinkSubjectSkips(client: pg.PoolClient, subjectId: string): Promise<number> {
  return (
    (await client.query('UPDATE skip_outcomes SET subject_id = NULL WHERE subject_id = $1', [subjectId])).rowCount ?? 0
  );
}
