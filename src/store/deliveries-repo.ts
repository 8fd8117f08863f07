import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { OutboxEntry } from './outbox-repo.js';

export type Delivery = {
  id: string;
  program: string;
  outboxSeq: number;
  runId: string;
  status: 'pending' | 'sending' | 'delivered' | 'dead' | 'cancelled';
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
};
type Row = {
  id: string;
  program: string;
  outbox_seq: string;
  run_id: string;
  status: Delivery['status'];
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
  delivered_at: Date | null;
};
const toDelivery = (r: Row): Delivery => ({
  id: r.id,
  program: r.program,
  outboxSeq: Number(r.outbox_seq),
  runId: r.run_id,
  status: r.status,
  attempts: r.attempts,
  lastStatus: r.last_status,
  lastError: r.last_error,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  deliveredAt: r.delivered_at?.toISOString() ?? null,
});
const SELECT = `SELECT d.*, o.run_id FROM webhook_deliveries d JOIN outbox o ON o.seq = d.outbox_seq`;

/** Queues the webhook post of an outbox entry, in the transaction that wrote the entry. */
export async function queueDelivery(client: pg.PoolClient, outboxSeq: number, program: string): Promise<string> {
  const id = `dlv_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
  await client.query('INSERT INTO webhook_deliveries (id, outbox_seq, program) VALUES ($1, $2, $3)', [
    id,
    outboxSeq,
    program,
  ]);
  return id;
}

/** Erasure: posts not yet made for the subject are cancelled (run before the outbox forgets the subject). */
export async function cancelSubjectDeliveries(client: pg.PoolClient, subjectId: string): Promise<number> {
  return (
    (
      await client.query(
        `UPDATE webhook_deliveries SET status = 'cancelled', updated_at = now()
         WHERE status IN ('pending', 'dead') AND outbox_seq IN (SELECT seq FROM outbox WHERE subject_id = $1)`,
        [subjectId],
      )
    ).rowCount ?? 0
  );
}

export function createDeliveriesRepo(pool: pg.Pool) {
  /** Claims due posts (and posts whose sender died mid-way) with a lease, in one short statement. */
  async function claimDue(limit: number, leaseMs: number): Promise<Array<Delivery & { entry: OutboxEntry }>> {
    const rows = (
      await pool.query<Row & { answer: OutboxEntry['answer']; o_created: Date } & Record<string, unknown>>(
        `WITH claimed AS (
           UPDATE webhook_deliveries SET status = 'sending', attempts = attempts + 1, updated_at = now(),
             locked_until = now() + make_interval(secs => $2::double precision / 1000)
           WHERE id IN (
             SELECT id FROM webhook_deliveries
             WHERE (status = 'pending' AND next_attempt_at <= now()) OR (status = 'sending' AND locked_until < now())
             ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
           RETURNING *)
         SELECT c.*, o.run_id, o.subject_id, o.anonymous_id, o.trigger_id, o.event_id, o.answer, o.created_at AS o_created
         FROM claimed c JOIN outbox o ON o.seq = c.outbox_seq ORDER BY c.next_attempt_at`,
        [limit, leaseMs],
      )
    ).rows;
    return rows.map((r) => ({
      ...toDelivery(r),
      entry: {
        seq: Number(r.outbox_seq),
        runId: r.run_id,
        program: r.program,
        subjectId: r.subject_id as string | null,
        anonymousId: r.anonymous_id as string | null,
        triggerId: r.trigger_id as string | null,
        eventId: r.event_id as string | null,
        answer: r.answer,
        createdAt: r.o_created.toISOString(),
      },
    }));
  }

  async function delivered(id: string, status: number) {
    await pool.query(
      `UPDATE webhook_deliveries SET status = 'delivered', last_status = $2, last_error = NULL, locked_until = NULL,
         delivered_at = now(), updated_at = now() WHERE id = $1 AND status = 'sending'`,
      [id, status],
    );
  }

  /** A failed try: again at `retryAt`, or dead-lettered when there is none. */
  async function failed(id: string, retryAt: Date | null, status: number | null, error: string) {
    await pool.query(
      `UPDATE webhook_deliveries SET status = CASE WHEN $2::timestamptz IS NULL THEN 'dead' ELSE 'pending' END,
         next_attempt_at = coalesce($2::timestamptz, next_attempt_at), last_status = $3, last_error = $4,
         locked_until = NULL, updated_at = now() WHERE id = $1 AND status = 'sending'`,
      [id, retryAt?.toISOString() ?? null, status, error],
    );
  }

  /** Dead letters, newest first, for the console. */
  async function dead(limit: number, program?: string): Promise<Delivery[]> {
    return (
      await pool.query<Row>(
        `${SELECT} WHERE d.status = 'dead' AND ($2::text IS NULL OR d.program = $2)
         ORDER BY d.updated_at DESC, d.id DESC LIMIT $1`,
        [limit, program ?? null],
      )
    ).rows.map(toDelivery);
  }

  async function get(id: string): Promise<Delivery | undefined> {
    const row = (await pool.query<Row>(`${SELECT} WHERE d.id = $1`, [id])).rows[0];
    return row && toDelivery(row);
  }

  /** A person asks for a dead letter to go again: a fresh round of tries, starting now. */
  async function retry(id: string): Promise<Delivery | undefined> {
    const r = await pool.query(
      `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = now(), updated_at = now()
       WHERE id = $1 AND status = 'dead'`,
      [id],
    );
    return r.rowCount ? get(id) : undefined;
  }

  async function forRun(runId: string): Promise<Delivery[]> {
    return (await pool.query<Row>(`${SELECT} WHERE o.run_id = $1 ORDER BY d.created_at`, [runId])).rows.map(toDelivery);
  }

  return { claimDue, delivered, failed, dead, get, retry, forRun };
}
export type DeliveriesRepo = ReturnType<typeof createDeliveriesRepo>;
