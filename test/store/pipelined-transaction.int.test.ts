import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/runtime.js';
import { inOneFlight, inTwoFlights } from '../../src/store/pipelined-transaction.js';
import { openMemoryRuntime } from '../support/compose-fixtures.js';
import { countRoundTrips, type RoundTrips, roundTripsOf } from '../support/round-trips.js';

// Statements sent together inside one transaction: all written, or (one failing) none, and the pool's
// connection is usable afterwards.
let runtime: Runtime;
let counts: RoundTrips;
beforeAll(async () => {
  runtime = await openMemoryRuntime();
  await runtime.store.pool.query('CREATE TABLE flight_rows (id text PRIMARY KEY, n int NOT NULL)');
  counts = countRoundTrips(runtime.store.pool);
});
afterAll(() => runtime?.store.close());

const ids = async (prefix: string) =>
  (
    await runtime.store.pool.query<{ id: string }>('SELECT id FROM flight_rows WHERE id LIKE $1 ORDER BY id', [
      `${prefix}%`,
    ])
  ).rows.map((r) => r.id);

describe('inTwoFlights', () => {
  it('reads, then writes what it read, in two round trips', async () => {
    await runtime.store.pool.query("INSERT INTO flight_rows VALUES ('two-a', 41)");
    const trips = await roundTripsOf(counts, () =>
      inTwoFlights(
        runtime.store.pool,
        async (client) =>
          (await client.query<{ n: number }>("SELECT n FROM flight_rows WHERE id = 'two-a'")).rows[0]!.n,
        (client, n) => ({
          value: n,
          writes: [
            client.query('INSERT INTO flight_rows VALUES ($1, $2)', ['two-b', n + 1]),
            client.query('INSERT INTO flight_rows VALUES ($1, $2)', ['two-c', n + 2]),
          ],
        }),
      ),
    );
    expect(trips).toEqual({ total: 2, held: 2 });
    expect(await ids('two-')).toEqual(['two-a', 'two-b', 'two-c']);
  });

  it('writes nothing when a statement of the second flight fails, and answers that statement’s error', async () => {
    const failed = inTwoFlights(
      runtime.store.pool,
      async () => undefined,
      (client) => ({
        value: undefined,
        writes: [
          client.query('INSERT INTO flight_rows VALUES ($1, $2)', ['bad-a', 1]),
          client.query('INSERT INTO flight_rows VALUES ($1, $2)', ['bad-a', 2]),
          client.query('INSERT INTO flight_rows VALUES ($1, $2)', ['bad-b', 3]),
        ],
      }),
    );
    await expect(failed).rejects.toMatchObject({ code: '23505' });
    expect(await ids('bad-')).toEqual([]);
  });

  it('writes nothing when the first flight throws after its answer (a check the caller makes)', async () => {
    const failed = inTwoFlights(
      runtime.store.pool,
      async (client) => {
        await client.query("INSERT INTO flight_rows VALUES ('check-a', 1)");
        throw new Error('taken over');
      },
      (client) => ({ value: undefined, writes: [client.query("INSERT INTO flight_rows VALUES ('check-b', 2)")] }),
    );
    await expect(failed).rejects.toThrow('taken over');
    expect(await ids('check-')).toEqual([]);
  });
});

describe('inOneFlight', () => {
  it('writes all in one round trip, or nothing', async () => {
    const trips = await roundTripsOf(counts, () =>
      inOneFlight(runtime.store.pool, (client) => [
        client.query("INSERT INTO flight_rows VALUES ('one-a', 1)"),
        client.query("INSERT INTO flight_rows VALUES ('one-b', 2)"),
      ]),
    );
    expect(trips).toEqual({ total: 1, held: 1 });
    await expect(
      inOneFlight(runtime.store.pool, (client) => [
        client.query("INSERT INTO flight_rows VALUES ('one-c', 1)"),
        client.query("INSERT INTO flight_rows VALUES ('one-a', 3)"),
      ]),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await ids('one-')).toEqual(['one-a', 'one-b']);
  });
});
