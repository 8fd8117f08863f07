import type pg from 'pg';
import type { ComposeAnswer } from '../domain/compose.js';
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
};

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
});

const SELECT = `SELECT v.id, v.run_id, v.status, v.reason, v.created_at, v.decision, v.note, v.decided_by, v.decided_at,
  r.answer, ${createdMicros('v.created_at')} FROM reviews v JOIN runs r ON r.id = v.run_id`;

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
  async function list(status: 'pending' | 'decided' | 'all', limit: number, before?: { at: string; id: string }) {
    const where: string[] = [];
    const params: unknown[] = [];
    if (status === 'pending') where.push("v.status IN ('pending', 'deciding')");
    if (status === 'decided') where.push("v.status IN ('approved', 'rejected')");
    if (before) {
      params.push(before.at, before.id);
      where.push(beforeCursor('v.created_at', 'v.id', `$${params.length - 1}`, `$${params.length}`));
    }
    params.push(limit);
    const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY v.created_at DESC, v.id DESC LIMIT $${params.length}`;
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
