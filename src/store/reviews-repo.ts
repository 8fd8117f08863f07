import type pg from 'pg';
import type { ComposeAnswer, RunOrigin } from '../domain/compose.js';
import { beforeCursor, createdMicros } from './keyset.js';

export type ReviewRow = {
  id: string;
  runId: string;
  status: 'pending' | 'deciding' | 'approved' | 'rejected' | 'withdrawn';
  reason: string;
  createdAt: string;
  decision: string | null;
  note: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  answer: ComposeAnswer;
  /** The keyset position of the row (microseconds since the epoch), for the next page's cursor. */
  createdMicros: string;
  program: string;
  /** The run's pseudonymous subject id; null once the subject was erased. */
  subjectRef: string | null;
  origin: RunOrigin;
  /** 0 for the most severe safety holds, larger for less urgent ones (the queue's order). */
  priority: number;
};

/** What the queue can be narrowed to: a hold reason's code (`crisis`, `low_confidence`, ...) and the runs' origin. */
export type ReviewFilter = { reason?: string; origin?: RunOrigin | 'all' };
/** A position in the queue's order (priority, then newest first); `at` in microseconds since the epoch. */
export type ReviewCursor = { priority: number; at: string; id: string };

type Row = {
  id: string;
  run_id: string;
  status: ReviewRow['status'];
  reason: string;
  created_at: Date;
  decision: string | null;
  note: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  answer: ComposeAnswer;
  created_micros: string;
  program: string;
  subject_id: string | null;
  origin: RunOrigin;
  priority: number;
};

const toReview = (r: Row): ReviewRow => ({
  id: r.id,
  runId: r.run_id,
  status: r.status,
  reason: r.reason,
  createdAt: r.created_at.toISOString(),
  decision: r.decision,
  note: r.note,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at?.toISOString() ?? null,
  answer: r.answer,
  createdMicros: r.created_micros,
  program: r.program,
  subjectRef: r.subject_id,
  origin: r.origin,
  priority: r.priority,
});

/**
 * Safety holds first, most severe first (CONTRACT.md, "Safety triage"); `safety_escalation` is the crisis
 * hold of engines that predate the safety codes, and a triage that failed
 * (`safety_engine_error`) may hide a crisis, so it waits with them. Everything else waits in time order after them.
 */
const PRIORITY = `CASE split_part(v.reason, ':', 1)
  WHEN 'crisis' THEN 0 WHEN 'safety_escalation' THEN 0 WHEN 'safety_engine_error' THEN 0
  WHEN 'adverse_event' THEN 1
  WHEN 'product_complaint' THEN 2 WHEN 'medical_information' THEN 3 ELSE 9 END`;

const SELECT = `SELECT v.id, v.run_id, v.status, v.reason, v.created_at, v.decision, v.note, v.decided_by, v.decided_at,
  r.answer, r.program, r.subject_id, r.origin, ${PRIORITY} AS priority, ${createdMicros('v.created_at')}
  FROM reviews v JOIN runs r ON r.id = v.run_id`;

/** Holds a run for review, inside the transaction that saves the run. */
export async function insertHold(client: pg.PoolClient, review: { id: string; runId: string; reason: string }) {
  await client.query('INSERT INTO reviews (id, run_id, reason) VALUES ($1, $2, $3)', [
    review.id,
    review.runId,
    review.reason,
  ]);
}

/** Records a reviewer's decision, inside the transaction that finishes the run. */
export async function recordDecision(
  client: pg.PoolClient,
  d: { reviewId: string; decision: 'approve' | 'reject'; note: string | null; by: string; at: string },
) {
  await client.query(
    'UPDATE reviews SET status = $2, decision = $3, note = $4, decided_by = $5, decided_at = $6 WHERE id = $1',
    [d.reviewId, d.decision === 'approve' ? 'approved' : 'rejected', d.decision, d.note, d.by, d.at],
  );
}

/** Withdraws the runs' pending reviews (their subject was erased); answers how many. */
export async function withdrawReviews(client: pg.PoolClient, runIds: string[]): Promise<number> {
  const r = await client.query(
    "UPDATE reviews SET status = 'withdrawn', decided_at = now(), decided_by = 'erasure' WHERE run_id = ANY($1::text[]) AND status IN ('pending', 'deciding')",
    [runIds],
  );
  return r.rowCount ?? 0;
}

export function createReviewsRepo(pool: pg.Pool) {
  /** The queue (or its history): safety holds first, then newest first; eval runs only when asked for. */
  async function list(
    status: 'pending' | 'decided' | 'all',
    limit: number,
    before?: ReviewCursor,
    filter: ReviewFilter = {},
  ) {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (status === 'pending') where.push("v.status IN ('pending', 'deciding')");
    if (status === 'decided') where.push("v.status IN ('approved', 'rejected')");
    const origin = filter.origin ?? 'api';
    if (origin !== 'all') where.push(`r.origin = ${p(origin)}`);
    if (filter.reason) where.push(`split_part(v.reason, ':', 1) = ${p(filter.reason)}`);
    if (before) {
      const [pr, at, id] = [p(before.priority), p(before.at), p(before.id)];
      where.push(
        `(${PRIORITY} > ${pr}::int OR (${PRIORITY} = ${pr}::int AND ${beforeCursor('v.created_at', 'v.id', at, id)}))`,
      );
    }
    const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY priority, v.created_at DESC, v.id DESC LIMIT ${p(limit)}`;
    return (await pool.query<Row>(sql, params)).rows.map(toReview);
  }

  async function get(id: string) {
    const row = (await pool.query<Row>(`${SELECT} WHERE v.id = $1`, [id])).rows[0];
    return row && toReview(row);
  }

  /** Takes the review for one decider: false when it is not pending (already decided or being decided). */
  async function claim(id: string): Promise<boolean> {
    const r = await pool.query("UPDATE reviews SET status = 'deciding' WHERE id = $1 AND status = 'pending'", [id]);
    return r.rowCount === 1;
  }

  async function release(id: string) {
    await pool.query("UPDATE reviews SET status = 'pending' WHERE id = $1 AND status = 'deciding'", [id]);
  }

  /** A decision cut short by a crash or restart goes back to the queue. */
  async function requeueInterrupted() {
    await pool.query("UPDATE reviews SET status = 'pending' WHERE status = 'deciding'");
  }

  return { list, get, claim, release, requeueInterrupted };
}
export type ReviewsRepo = ReturnType<typeof createReviewsRepo>;
