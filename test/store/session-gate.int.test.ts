import pg from 'pg';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openPglite } from '../../src/store/pglite-template.js';
import { type SessionGateOptions, startSessionGate } from '../../src/store/session-gate.js';

/** One in-memory PGlite (restored from the cluster snapshot) behind a gate on TCP, and `n` pools on it. */
async function gatedPools(n: number, max: number, opts: SessionGateOptions = {}) {
  const { db } = await openPglite(undefined);
  const gate = await startSessionGate(db, { host: '127.0.0.1', port: 0 }, opts);
  const { port } = gate.address as { port: number };
  const pools = Array.from({ length: n }, () => {
    const pool = new pg.Pool({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres', max });
    // A connection the gate cuts off is reported here; the tests look at what the store kept.
    pool.on('error', () => undefined);
    return pool;
  });
  onTestFinished(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await gate.stop();
    await db.close();
  });
  return { pools, db };
}

const count = async (pool: pg.Pool) => (await pool.query<{ n: number }>('SELECT n FROM counter')).rows[0]!.n;

describe('the session gate in front of one PGlite session', () => {
  it('answers concurrent parameterised queries from many connections each with its own values', async () => {
    const { pools } = await gatedPools(3, 4);
    const answers = await Promise.all(
      Array.from({ length: 120 }, async (_, i) => {
        const r = await pools[i % 3]!.query<{ v: number; s: string }>('SELECT $1::int AS v, $2::text AS s', [
          i,
          `t${i}`,
        ]);
        return r.rows[0];
      }),
    );
    expect(answers).toEqual(Array.from({ length: 120 }, (_, i) => ({ v: i, s: `t${i}` })));
  });

  it('never lets transactions from different connections overlap: no read-modify-write is lost', async () => {
    const { pools } = await gatedPools(2, 4);
    await pools[0]!.query('CREATE TABLE counter (n int NOT NULL); INSERT INTO counter VALUES (0)');
    await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const client = await pools[i % 2]!.connect();
        try {
          await client.query('BEGIN');
          const { rows } = await client.query<{ n: number }>('SELECT n FROM counter');
          // Another client's statements would run here if the session were shared statement by statement.
          await new Promise((resolve) => setImmediate(resolve));
          await client.query('UPDATE counter SET n = $1', [rows[0]!.n + 1]);
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      }),
    );
    expect(await count(pools[0]!)).toBe(60);
  });

  it("an error in one client's transaction is that client's alone", async () => {
    const { pools } = await gatedPools(2, 1);
    await pools[0]!.query('CREATE TABLE counter (n int NOT NULL); INSERT INTO counter VALUES (0)');
    const failing = (async () => {
      const client = await pools[0]!.connect();
      try {
        await client.query('BEGIN');
        await client.query('UPDATE counter SET n = 100');
        await client.query('SELECT 1 / 0').catch(() => undefined);
        return await client.query('SELECT 1').then(
          () => 'ran',
          (err: Error) => err.message,
        );
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    })();
    const other = pools[1]!.query('UPDATE counter SET n = n + 1');
    expect(await failing).toMatch(/current transaction is aborted/);
    await other;
    expect(await count(pools[1]!)).toBe(1);
  });

  it('rolls back what a client that disconnects mid-transaction left open, and serves the next one', async () => {
    const { pools, db } = await gatedPools(2, 1);
    await pools[0]!.query('CREATE TABLE counter (n int NOT NULL); INSERT INTO counter VALUES (0)');
    const client = await pools[0]!.connect();
    await client.query('BEGIN');
    await client.query('UPDATE counter SET n = 42');
    // Waits behind the open transaction.
    const next = pools[1]!.query('UPDATE counter SET n = n + 1');
    (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    client.release(true);
    await next;
    expect(await count(pools[1]!)).toBe(1);
    expect(db.isInTransaction()).toBe(false);
  });

  it('cuts off a client that keeps a transaction open without a word past the limit', async () => {
    const { pools } = await gatedPools(2, 1, { idleInTransactionMs: 200 });
    await pools[0]!.query('CREATE TABLE counter (n int NOT NULL); INSERT INTO counter VALUES (0)');
    const idle = await pools[0]!.connect();
    idle.on('error', () => undefined);
    await idle.query('BEGIN');
    await idle.query('UPDATE counter SET n = 7');
    await pools[1]!.query('UPDATE counter SET n = n + 1');
    expect(await count(pools[1]!)).toBe(1);
    await expect(idle.query('COMMIT')).rejects.toThrow();
    idle.release(true);
  });
});
