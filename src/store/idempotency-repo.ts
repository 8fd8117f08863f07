import type pg from 'pg';
import { Conflict } from '../domain/errors.js';

/** Forgets the keys that point at these runs (erasure): the request hash is derived from personal data. */
export async function forgetRunKeys(client: pg.PoolClient, runIds: string[]) {
  await client.query('DELETE FROM idempotency_keys WHERE run_id = ANY($1::text[])', [runIds]);
}

export type KeyRef = { principal: string; key: string };

/**
 * Marks the key done inside the transaction that records its run, so a recorded run and a finished key
 * are one fact. A claim that is no longer this run's (taken over after its lease ran out) rolls the
 * run back: the key's new owner answers instead.
 */
export async function completeKey(client: pg.PoolClient, ref: KeyRef, runId: string) {
  const r = await client.query(
    `UPDATE idempotency_keys SET state = 'done', lease_until = NULL
     WHERE principal = $1 AND key = $2 AND run_id = $3 AND state = 'running'`,
    [ref.principal, ref.key, runId],
  );
  if (r.rowCount !== 1) throw new Conflict('this Idempotency-Key was taken over by another request');
}

/** Where a key stands for a request: this request now owns it, or another run has (or had) it. */
export type KeyClaim =
  | { state: 'claimed'; runId: string }
  | { state: 'done'; runId: string }
  | { state: 'running'; runId: string }
  | { state: 'conflict' };

type Row = { request_hash: string; run_id: string; state: 'running' | 'done'; live: boolean };

/** Idempotency keys are scoped to the caller's key, so two clients never collide. */
export function createIdempotencyRepo(pool: pg.Pool) {
  /**
   * Claims the key for `runId` before the run starts (an in-progress row with the request hash and a
   * lease), or says who has it. A running claim whose lease ran out (its process died) is taken over.
   */
  async function claim(ref: KeyRef, requestHash: string, runId: string, leaseMs: number): Promise<KeyClaim> {
    const inserted = await pool.query(
      `INSERT INTO idempotency_keys (principal, key, request_hash, run_id, state, lease_until)
       VALUES ($1, $2, $3, $4, 'running', now() + $5 * interval '1 millisecond')
       ON CONFLICT (principal, key) DO NOTHING`,
      [ref.principal, ref.key, requestHash, runId, leaseMs],
    );
    if (inserted.rowCount === 1) return { state: 'claimed', runId };
    const row = (
      await pool.query<Row>(
        `SELECT request_hash, run_id, state, coalesce(lease_until > now(), false) AS live
         FROM idempotency_keys WHERE principal = $1 AND key = $2`,
        [ref.principal, ref.key],
      )
    ).rows[0];
    // Erased between the two statements: claim it afresh.
    if (!row) return claim(ref, requestHash, runId, leaseMs);
    if (row.request_hash !== requestHash) return { state: 'conflict' };
    if (row.state === 'done') return { state: 'done', runId: row.run_id };
    if (row.live) return { state: 'running', runId: row.run_id };
    const taken = await pool.query(
      `UPDATE idempotency_keys SET run_id = $3, lease_until = now() + $5 * interval '1 millisecond'
       WHERE principal = $1 AND key = $2 AND run_id = $4 AND state = 'running' AND lease_until <= now()`,
      [ref.principal, ref.key, runId, row.run_id, leaseMs],
    );
    return taken.rowCount === 1 ? { state: 'claimed', runId } : claim(ref, requestHash, runId, leaseMs);
  }

  /** Keeps a running claim alive; false once it is no longer this run's. */
  async function renew(ref: KeyRef, runId: string, leaseMs: number): Promise<boolean> {
    const r = await pool.query(
      `UPDATE idempotency_keys SET lease_until = now() + $4 * interval '1 millisecond'
       WHERE principal = $1 AND key = $2 AND run_id = $3 AND state = 'running'`,
      [ref.principal, ref.key, runId, leaseMs],
    );
    return r.rowCount === 1;
  }

  /** Gives a claim back when its run failed, so the client's retry runs. */
  async function release(ref: KeyRef, runId: string) {
    await pool.query(
      "DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2 AND run_id = $3 AND state = 'running'",
      [ref.principal, ref.key, runId],
    );
  }

  return { claim, renew, release };
}
export type IdempotencyRepo = ReturnType<typeof createIdempotencyRepo>;
