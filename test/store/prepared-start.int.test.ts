import { randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parseEnv } from '../../src/env.js';
import { createEmbedder, DEMO_LIBRARY, DEMO_TRIGGERS, preparedKey } from '../../src/runtime.js';
import { MIGRATIONS } from '../../src/store/migration-list.js';
import { openStore } from '../../src/store/open-store.js';
import { preparedFile } from '../../src/store/pglite-template.js';
import { spareDir } from '../../src/store/snapshot-spare.js';
import { tempDir } from '../support/temp-dir.js';

const env = parseEnv({ NOF1_DATA_DIR: '/nowhere' });
const shipped = { migrations: MIGRATIONS, library: DEMO_LIBRARY, triggers: DEMO_TRIGGERS };
const keyOf = (sources = shipped) => preparedKey(env, createEmbedder(env), sources);

describe('what a start may skip, the prepared key names', () => {
  it('a new migration, a changed demo library or changed demo triggers give another key', async () => {
    const dir = await tempDir();
    const changed = async (path: string, name: string) => {
      const copy = join(dir, name);
      await writeFile(copy, `${await readFile(path, 'utf8')}\n# changed\n`);
      return copy;
    };
    expect(keyOf()).toBe(keyOf({ ...shipped }));
    const next = [...MIGRATIONS, { name: 'one more', sql: 'CREATE TABLE later (x int)' }];
    expect(keyOf({ ...shipped, migrations: next })).not.toBe(keyOf());
    expect(keyOf({ ...shipped, library: await changed(DEMO_LIBRARY, 'library.yaml') })).not.toBe(keyOf());
    expect(keyOf({ ...shipped, triggers: await changed(DEMO_TRIGGERS, 'triggers.json') })).not.toBe(keyOf());
  });
});

/** A prepared key no other test uses, its snapshot files removed when the test ends. */
function uniqueKey() {
  const key = `start${randomUUID().slice(0, 8)}`;
  onTestFinished(async () => {
    const file = preparedFile(key);
    for (const path of [file, `${file}.d`, spareDir(file)]) await rm(path, { recursive: true, force: true });
  });
  return key;
}

const recorded = async (store: Awaited<ReturnType<typeof openStore>>) =>
  (await store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations')).rows[0]?.n;

describe('a store restored from its prepared snapshot skips the start-up statements', () => {
  it('restored from its own key: nothing to apply; under any other key (a changed schema): migrated', async () => {
    const key = uniqueKey();
    const first = await openStore({ dataDir: await tempDir(), prepared: key });
    expect(first.asPrepared).toBe(false);
    expect(await recorded(first)).toBe(MIGRATIONS.length);
    await first.pool.query('CREATE TABLE marker (x int)');
    await first.savePrepared();
    await first.close();

    const restored = await openStore({ dataDir: await tempDir(), prepared: key });
    expect(restored.asPrepared).toBe(true);
    expect(await recorded(restored)).toBe(MIGRATIONS.length);
    await restored.pool.query('SELECT x FROM marker');
    await restored.close();

    // Another key is another schema or library: not restored from this snapshot, so migrated afresh.
    const other = await openStore({ dataDir: await tempDir(), prepared: uniqueKey() });
    expect(other.asPrepared).toBe(false);
    expect(await recorded(other)).toBe(MIGRATIONS.length);
    await expect(other.pool.query('SELECT x FROM marker')).rejects.toThrow(/marker/);
    await other.close();
  });

  it('a folder that already holds a database is never taken for a prepared one', async () => {
    const key = uniqueKey();
    const dir = await tempDir();
    const made = await openStore({ dataDir: dir, prepared: key });
    await made.savePrepared();
    await made.close();
    const reopened = await openStore({ dataDir: dir, prepared: key });
    expect(reopened.asPrepared).toBe(false);
    await reopened.close();
  });

  it('what is made just before the snapshot is kept (the checkpoint tables) is in every store restored from it', async () => {
    const key = uniqueKey();
    const first = await openStore({ dataDir: await tempDir(), prepared: key });
    await first.savePrepared(async () => void (await first.pool.query('CREATE TABLE made_before (x int)')));
    await first.close();

    const restored = await openStore({ dataDir: await tempDir(), prepared: key });
    await restored.pool.query('SELECT x FROM made_before');
    // Restored from the snapshot, it keeps none: the hook is not run again.
    let ran = false;
    await restored.savePrepared(async () => {
      ran = true;
    });
    expect(ran).toBe(false);
    await restored.close();
  });
});
