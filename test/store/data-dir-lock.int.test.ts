import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { LEGACY_LOCK_NAMES, LOCK_NAME, lockDataDir, StoreInUseError } from '../../src/store/data-dir-lock.js';
import { startEmbeddedPostgres } from '../../src/store/embedded-postgres.js';
import { templateFile } from '../../src/store/pglite-template.js';
import { holding, spawnHolder } from '../support/data-dir-holder.js';
import { snapshotPaths } from '../support/snapshot-paths.js';
import { tempDir } from '../support/temp-dir.js';

const STALE_MS = 2_000;

describe('the data folder lock between processes', () => {
  it('refuses a second process while another holds the folder, and frees it when that one stops', async () => {
    const dataDir = await tempDir();
    const holder = spawnHolder(dataDir);
    await holding(holder);

    await expect(lockDataDir(dataDir)).rejects.toThrow(StoreInUseError);
    const second = await spawnHolder(dataDir).done;
    expect(second.code).toBe(3);
    expect(second.stderr).toContain(dataDir);
    expect(second.stderr).toContain('in use by another process');

    holder.child.kill('SIGTERM');
    await holder.done;
    const unlock = await lockDataDir(dataDir);
    await unlock();
  });

  it("takes over a killed holder's claim once the stale period has passed, not before", async () => {
    const dataDir = await tempDir();
    const holder = spawnHolder(dataDir, STALE_MS);
    await holding(holder);
    holder.child.kill('SIGKILL');
    expect((await holder.done).signal).toBe('SIGKILL');
    expect(existsSync(join(dataDir, LOCK_NAME))).toBe(true);

    await expect(lockDataDir(dataDir, { staleMs: STALE_MS })).rejects.toThrow(/in use by another process/);
    const unlock = await vi.waitFor(() => lockDataDir(dataDir, { staleMs: STALE_MS }), {
      timeout: 15_000,
      interval: 250,
    });
    await expect(spawnHolder(dataDir, STALE_MS).done).resolves.toMatchObject({ code: 3 });
    await unlock();
  });

  it('ignores pid files of earlier versions, whoever the pid belongs to', async () => {
    for (const content of ['', String(process.pid), '999999']) {
      const dataDir = await tempDir();
      for (const name of LEGACY_LOCK_NAMES) await writeFile(join(dataDir, name), content);
      const holder = spawnHolder(dataDir);
      await holding(holder);
      for (const name of LEGACY_LOCK_NAMES) expect(existsSync(join(dataDir, name))).toBe(false);
      holder.child.kill('SIGKILL');
      await holder.done;
    }
  });
});

describe('a folder restored from the cluster snapshot', () => {
  it('carries no lock, can be claimed, and then refuses a second process', async () => {
    // The first start in a fresh clone makes the snapshot; later ones restore it.
    const first = await tempDir();
    const made = await startEmbeddedPostgres(first);
    await made.close();
    const paths = await snapshotPaths(await readFile(templateFile()));
    expect(paths).toContain('PG_VERSION');
    for (const name of [LOCK_NAME, ...LEGACY_LOCK_NAMES]) {
      expect(paths.filter((p) => p === name || p.startsWith(`${name}/`))).toEqual([]);
    }

    const dataDir = join(await tempDir(), 'restored');
    await mkdir(dataDir);
    const store = await startEmbeddedPostgres(dataDir);
    let open = true;
    onTestFinished(() => (open ? store.close() : undefined));
    for (const name of LEGACY_LOCK_NAMES) expect(existsSync(join(dataDir, name))).toBe(false);
    const refused = await spawnHolder(dataDir).done;
    expect(refused).toMatchObject({ code: 3 });
    expect(refused.stderr).toContain('in use by another process');

    await store.close();
    open = false;
    const holder = spawnHolder(dataDir);
    await holding(holder);
    await expect(startEmbeddedPostgres(dataDir)).rejects.toThrow(StoreInUseError);
  });
});
