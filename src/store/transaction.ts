import type pg from 'pg';

/**
 * One pooled connection for `fn`: if anything in it throws, whatever transaction it opened is rolled
 * back before the connection goes back to the pool, and the error is thrown.
 */
export async function onConnection<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await fn(client);
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

/** Runs `fn` in one transaction on one pooled connection: committed whole, or rolled back whole. */
export function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return onConnection(pool, async (client) => {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  });
}
