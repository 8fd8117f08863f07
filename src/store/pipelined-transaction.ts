import type pg from 'pg';
import { onConnection } from './transaction.js';

/**
 * The statements `send` issues (synchronously) leave in one socket write: pg writes each query on its own,
 * and the embedded store's gate would run each as a batch of its own, waking the store's process and this
 * one once per statement instead of once per flight. The order and the answers are the same.
 */
function inOneWrite<T>(client: pg.PoolClient, send: () => T): T {
  const socket = client.connection.stream;
  socket.cork();
  try {
    return send();
  } finally {
    socket.uncork();
  }
}

/** What the second flight sends: the writes (already issued on the client), and what the transaction answers. */
export type Closing<T> = { value: T; writes: Array<Promise<unknown>> };

/**
 * A transaction in two round trips. With the embedded store a transaction owns the one session from BEGIN
 * to COMMIT, so every other process waits through each of its round trips; here BEGIN travels with the
 * statements `open` sends (locks, then reads under them), and COMMIT with the writes `close` sends, each
 * flight pipelined on the wire (the pool's clients are in pg's pipeline mode; on a client that is not, the
 * same statements run in the same order, one round trip each). Statements keep their own snapshots, so a
 * read sent after a lock statement sees every commit made before the lock was granted.
 *
 * `close` must send its writes before it returns (it runs between the flights, with no await), so that
 * COMMIT is queued behind them. A failed statement aborts the transaction: the statements behind it fail,
 * COMMIT answers ROLLBACK, and the error of the first failure is thrown; nothing is written.
 */
export async function inTwoFlights<R, T>(
  pool: pg.Pool,
  open: (client: pg.PoolClient) => Promise<R>,
  close: (client: pg.PoolClient, read: R) => Closing<T>,
): Promise<T> {
  return onConnection(pool, async (client) => {
    // BEGIN is awaited with `open`'s statements: if it failed, `close` never sends a write.
    const [, read] = await Promise.all(inOneWrite(client, () => [client.query('BEGIN'), open(client)] as const));
    const [{ value, writes }, commit] = inOneWrite(
      client,
      () => [close(client, read), client.query('COMMIT')] as const,
    );
    await Promise.all([...writes, commit]);
    return value;
  });
}

/**
 * A transaction that needs nothing back before it writes, in one round trip: BEGIN, the statements `send`
 * sends (it must send them before it returns) and COMMIT, pipelined together. As above, a failed statement
 * leaves nothing written.
 */
export async function inOneFlight(
  pool: pg.Pool,
  send: (client: pg.PoolClient) => Array<Promise<unknown>>,
): Promise<void> {
  await onConnection(pool, async (client) => {
    await Promise.all(inOneWrite(client, () => [client.query('BEGIN'), ...send(client), client.query('COMMIT')]));
  });
}
