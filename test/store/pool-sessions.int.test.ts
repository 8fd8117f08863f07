import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/open-store.js';

let store: Store;
const warnings: string[] = [];
const onWarning = (w: Error) => void warnings.push(w.message);
beforeAll(async () => {
  process.on('warning', onWarning);
  store = await openStore({ dataDir: 'memory' });
});
afterAll(async () => {
  process.off('warning', onWarning);
  await store?.close();
});

describe('the embedded store after a statement it cannot run', () => {
  it('keeps answering concurrent queries, each connection used by one query at a time', async () => {
    // Text Postgres cannot store (the HTTP edge refuses it; here it is sent anyway): the embedded server
    // drops the connection over it, so the pool must open another and set its session up again.
    await expect(store.pool.query('SELECT $1::text AS t', ['a\u0000b'])).rejects.toThrow();
    // The pool may hand out the dropped connection once before it notices; it then opens a new one.
    let reconnected = false;
    for (let i = 0; i < 5 && !reconnected; i++) {
      reconnected = await store.pool.query('SELECT 1').then(
        () => true,
        () => false,
      );
    }
    expect(reconnected).toBe(true);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.pool.query<{ n: number }>('SELECT $1::int AS n', [i])),
    );
    expect(answers.map((r) => r.rows[0]!.n)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const settings = await store.pool.query<{ ef: string }>("SELECT current_setting('hnsw.ef_search') AS ef");
    expect(settings.rows[0]!.ef).toBe('80');
    expect(warnings.filter((w) => /already executing a query/.test(w))).toEqual([]);
  });
});
