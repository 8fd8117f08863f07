import type pg from 'pg';

/** Forgets the keys that point at these runs (erasure): the request hash is derived from personal data. */
export async function forgetRunKeys(client: pg.PoolClient, runIds: string[]) {
  await client.query('DELETE FROM idempotency_keys WHERE run_id = ANY($1::text[])', [runIds]);
}

/** Idempotency keys are scoped to the caller's key, so two clients never collide. */
export function createIdempotencyRepo(pool: pg.Pool) {
  async function find(principal: string, key: string) {
    return (
      await pool.query<{ request_hash: string; run_id: string }>(
        'SELECT request_hash, run_id FROM idempotency_keys WHERE principal = $1 AND key = $2',
        [principal, key],
      )
    ).rows[0];
  }

  /** Returns the run id that owns the key: this one, or the one a concurrent request stored first. */
  async function claim(principal: string, key: string, requestHash: string, runId: string): Promise<string> {
    const inserted = await pool.query<{ run_id: string }>(
      `INSERT INTO idempotency_keys (principal, key, request_hash, run_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (principal, key) DO NOTHING RETURNING run_id`,
      [principal, key, requestHash, runId],
    );
    return inserted.rows[0]?.run_id ?? (await find(principal, key))!.run_id;
  }

  return { find, claim };
}
export type IdempotencyRepo = ReturnType<typeof createIdempotencyRepo>;
