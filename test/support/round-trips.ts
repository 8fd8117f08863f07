import type pg from 'pg';

/**
 * Round trips a pool's clients make, counted where the caller waits: a statement sent while none of that
 * client's earlier statements is still unanswered starts a new round trip; statements sent behind it
 * (pipelined) ride along. `held` counts the round trips made inside a transaction (from the one carrying
 * BEGIN to the one carrying COMMIT or ROLLBACK), when the embedded store's one session belongs to that
 * client and every other process waits.
 */
export type RoundTrips = { total: number; held: number };

const COUNTED = Symbol('round-trips counted');
type Query = (...args: unknown[]) => unknown;

export function countRoundTrips(pool: pg.Pool): RoundTrips {
  const counts: RoundTrips = { total: 0, held: 0 };

  function count(client: pg.PoolClient) {
    const marked = client as pg.PoolClient & { [COUNTED]?: true };
    if (marked[COUNTED]) return client;
    marked[COUNTED] = true;
    const send = client.query.bind(client) as Query;
    let unanswered = 0;
    let inTransaction = false;
    (client as unknown as { query: Query }).query = (...args: unknown[]) => {
      const first = args[0] as string | { text?: string };
      const text = (typeof first === 'string' ? first : (first?.text ?? '')).trim().toUpperCase();
      if (text === 'BEGIN') inTransaction = true;
      if (unanswered === 0) {
        counts.total++;
        if (inTransaction) counts.held++;
      }
      if (text === 'COMMIT' || text === 'ROLLBACK') inTransaction = false;
      unanswered++;
      const answered = () => {
        unanswered--;
      };
      const callbackAt = args.findIndex((a) => typeof a === 'function');
      if (callbackAt >= 0) {
        const callback = args[callbackAt] as (...r: unknown[]) => void;
        args[callbackAt] = (...r: unknown[]) => {
          answered();
          callback(...r);
        };
        return send(...args);
      }
      const result = send(...args) as Promise<unknown>;
      result.then(answered, answered);
      return result;
    };
    return client;
  }

  // pg-pool's own `query` checks a client out through `connect` with a callback; transactions use the promise.
  const connect = pool.connect.bind(pool) as (cb?: (...r: unknown[]) => void) => unknown;
  (pool as unknown as { connect: typeof connect }).connect = (cb) => {
    if (cb) return connect((err, client, release) => cb(err, client && count(client as pg.PoolClient), release));
    return (connect() as Promise<pg.PoolClient>).then(count);
  };
  return counts;
}

/** The counts `work` added. */
export async function roundTripsOf(counts: RoundTrips, work: () => Promise<unknown>): Promise<RoundTrips> {
  const before = { ...counts };
  await work();
  return { total: counts.total - before.total, held: counts.held - before.held };
}
