import type pg from 'pg';

/** A scheduled compose run: what a trigger (or an informed choice) asked for, and when. */
export type NewJob = {
  key: string;
  runId: string;
  program: string;
  subjectId: string | null;
  triggerId: string;
  eventId: string | null;
  channel: string;
  payload: Record<string, unknown>;
  runAt: Date;
};
export type Job = NewJob & { id: number; attempts: number; status: string };

type Row = {
  id: string;
  key: string;
  run_id: string;
  program: string;
  subject_id: string | null;
  trigger_id: string;
  event_id: string | null;
  channel: string;
  payload: Record<string, unknown>;
  run_at: Date;
  attempts: number;
  status: string;
};
const toJob = (r: Row): Job => ({
  id: Number(r.id),
  key: r.key,
  runId: r.run_id,
  program: r.program,
  subjectId: r.subject_id,
  triggerId: r.trigger_id,
  eventId: r.event_id,
  channel: r.channel,
  payload: r.payload,
  runAt: r.run_at,
  attempts: r.attempts,
  status: r.status,
});

/**
 * Schedules jobs in one INSERT. A job key already used (the same trigger and event) is skipped, and so is
 * a job for a trigger that already has a run waiting for the same subject: that run reads the newer
 * event in the subject's timeline anyway.
 */
export async function scheduleJobs(client: pg.PoolClient, jobs: NewJob[]): Promise<Array<{ runAt: Date }>> {
  if (!jobs.length) return [];
  return (
    await client.query<{ run_at: Date }>(
      `INSERT INTO jobs (key, run_id, program, subject_id, trigger_id, event_id, channel, payload, run_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::jsonb[], $9::timestamptz[])
       ON CONFLICT DO NOTHING RETURNING run_at`,
      [
        jobs.map((j) => j.key),
        jobs.map((j) => j.runId),
        jobs.map((j) => j.program),
        jobs.map((j) => j.subjectId),
        jobs.map((j) => j.triggerId),
        jobs.map((j) => j.eventId),
        jobs.map((j) => j.channel),
        jobs.map((j) => JSON.stringify(j.payload)),
        jobs.map((j) => j.runAt.toISOString()),
      ],
    )
  ).rows.map((r) => ({ runAt: r.run_at }));
}

/** Erasure: waiting runs for the subject are cancelled and every job forgets who it was for. */
export async function forgetSubjectJobs(client: pg.PoolClient, subjectId: string): Promise<number> {
  const cancelled = await client.query(
    `UPDATE jobs SET status = 'cancelled', updated_at = now() WHERE subject_id = $1 AND status = 'scheduled'`,
    [subjectId],
  );
  await client.query(
    `UPDATE jobs SET subject_id = NULL, event_id = NULL, payload = '{}'::jsonb, updated_at = now() WHERE subject_id = $1`,
    [subjectId],
  );
  return cancelled.rowCount ?? 0;
}

/** Marks a claimed job's end, in the transaction that records its result; only the lease holder may. */
export async function settleJob(
  client: pg.PoolClient,
  job: { id: number; worker: string },
  status: 'done' | 'held' | 'failed',
  error?: string,
): Promise<boolean> {
  const r = await client.query(
    `UPDATE jobs SET status = $3, last_error = $4, locked_by = NULL, locked_until = NULL, updated_at = now(),
       payload = CASE WHEN $3 = 'held' THEN payload ELSE '{}'::jsonb END
     WHERE id = $1 AND locked_by = $2 AND status = 'running'`,
    [job.id, job.worker, status, error ?? null],
  );
  return r.rowCount === 1;
}

export function createJobsRepo(pool: pg.Pool) {
  /**
   * Claims due jobs, and jobs whose lease ran out (their process died), in one short statement:
   * `FOR UPDATE SKIP LOCKED` lets several workers share the table without waiting on each other.
   */
  async function claimDue(worker: string, limit: number, leaseMs: number): Promise<Job[]> {
    const rows = (
      await pool.query<Row>(
        `UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = $1,
           locked_until = now() + make_interval(secs => $3::double precision / 1000), updated_at = now()
         WHERE id IN (
           SELECT id FROM jobs
           WHERE (status = 'scheduled' AND run_at <= now()) OR (status = 'running' AND locked_until < now())
           ORDER BY run_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [worker, limit, leaseMs],
      )
    ).rows;
    return rows.map(toJob).sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
  }

  /** A failed attempt: tried again at `retryAt`, or failed for good when there is none. */
  async function release(job: { id: number; worker: string }, retryAt: Date | null, error: string) {
    await pool.query(
      `UPDATE jobs SET status = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE 'scheduled' END,
         run_at = coalesce($3::timestamptz, run_at), last_error = $4, locked_by = NULL, locked_until = NULL,
         updated_at = now()
       WHERE id = $1 AND locked_by = $2 AND status = 'running'`,
      [job.id, job.worker, retryAt?.toISOString() ?? null, error],
    );
  }

  /**
   * Gives back claimed jobs this worker did not start (it is stopping): due again at once. The try stays
   * counted, which also keeps them out of the one-waiting-run-per-trigger index a newer job may now hold.
   */
  async function unclaim(ids: number[], worker: string) {
    if (!ids.length) return;
    await pool.query(
      `UPDATE jobs SET status = 'scheduled', locked_by = NULL, locked_until = NULL, updated_at = now()
       WHERE id = ANY($1::bigint[]) AND locked_by = $2 AND status = 'running'`,
      [ids, worker],
    );
  }

  /** Held runs (waiting for a reviewer) whose reviewer has decided: the run row says so. */
  async function decidedHolds(limit: number) {
    return (
      await pool.query<Row & { run_status: string }>(
        `SELECT j.*, r.status AS run_status FROM jobs j JOIN runs r ON r.id = j.run_id
         WHERE j.status = 'held' AND r.status <> 'needs_review' ORDER BY j.id LIMIT $1`,
        [limit],
      )
    ).rows.map((r) => ({ ...toJob(r), runStatus: r.run_status }));
  }

  /** Ends a held job once its run was decided, in the transaction that delivers it. */
  async function closeHold(client: pg.PoolClient, id: number): Promise<boolean> {
    const r = await client.query(
      `UPDATE jobs SET status = 'done', payload = '{}'::jsonb, updated_at = now() WHERE id = $1 AND status = 'held'`,
      [id],
    );
    return r.rowCount === 1;
  }

  /** When the next waiting job is due, so an idle worker sleeps just long enough. */
  async function nextDueAt(): Promise<Date | null> {
    return (
      (await pool.query<{ at: Date | null }>(`SELECT min(run_at) AS at FROM jobs WHERE status = 'scheduled'`)).rows[0]
        ?.at ?? null
    );
  }

  async function byRun(runId: string): Promise<Job | undefined> {
    const row = (await pool.query<Row>('SELECT * FROM jobs WHERE run_id = $1', [runId])).rows[0];
    return row && toJob(row);
  }

  async function counts(): Promise<Record<string, number>> {
    const rows = (
      await pool.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM jobs GROUP BY status')
    ).rows;
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  return { claimDue, release, unclaim, decidedHolds, closeHold, nextDueAt, byRun, counts };
}
export type JobsRepo = ReturnType<typeof createJobsRepo>;
