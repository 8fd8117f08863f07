import { describe, expect, it, onTestFinished } from 'vitest';
import { EVAL_STORE_SETTINGS } from '../../../evals/runner/eval-store-settings.js';
import { openPglite, type PgSettings } from '../../../src/store/pglite-template.js';

async function open(settings?: PgSettings) {
  const { db } = await openPglite(undefined, { settings });
  onTestFinished(() => db.close());
  return db;
}

const show = async (db: Awaited<ReturnType<typeof open>>, name: string) =>
  Object.values((await db.query<Record<string, string>>(`SHOW ${name}`)).rows[0]!)[0];

const walSegments = async (db: Awaited<ReturnType<typeof open>>) =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_ls_waldir()')).rows[0]!.n;

describe("an eval run's store settings", () => {
  it('start the embedded store with small buffers, while a store opened without them keeps the defaults', async () => {
    const small = await open(EVAL_STORE_SETTINGS);
    for (const [name, value] of Object.entries(EVAL_STORE_SETTINGS)) expect(await show(small, name)).toBe(value);
    expect(await show(await open(), 'shared_buffers')).toBe('128MB');
  });

  it('let a checkpoint drop the log written since, where the default keeps it', async () => {
    // Single-user Postgres never checkpoints by itself: the log grows until someone asks.
    const write = async (db: Awaited<ReturnType<typeof open>>) => {
      await db.exec('CREATE TABLE filler (t text)');
      for (let i = 0; i < 8; i++)
        await db.exec("INSERT INTO filler SELECT repeat('x', 900) FROM generate_series(1, 10000)");
      await db.exec('CHECKPOINT');
      return walSegments(db);
    };
    const small = await write(await open(EVAL_STORE_SETTINGS));
    const fallback = await write(await open());
    expect(small).toBeLessThanOrEqual(3);
    expect(fallback).toBeGreaterThan(small);
  });
});
