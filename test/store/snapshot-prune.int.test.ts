import { existsSync } from 'node:fs';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite, preparedFile, templateFile } from '../../src/store/pglite-template.js';
import { UNUSED_MS } from '../../src/store/snapshot-prune.js';
import { tempDir } from '../support/temp-dir.js';

const TWO_HOURS_AGO = new Date(Date.now() - 2 * UNUSED_MS);
const ANOTHER_PID = process.pid + 1;

/** A stand-in for a snapshot or partial file (contents do not matter to pruning), `old` dated two hours back. */
async function plant(cache: string, name: string, opts: { old?: boolean; unpacked?: boolean } = {}) {
  const path = join(cache, name);
  if (opts.unpacked) {
    await mkdir(path, { recursive: true });
    await writeFile(join(path, 'PG_VERSION'), '17\n');
  } else {
    await writeFile(path, 'snapshot');
  }
  if (opts.old) await utimes(path, TWO_HOURS_AGO, TWO_HOURS_AGO);
}

/** Opens a new database in a folder with `cache` as its snapshot cache, keeps it as prepared, and closes it. */
async function startWith(cache: string, prepared: string) {
  const opened = await openPglite(await tempDir(), { prepared, cacheDir: cache });
  await opened.savePrepared();
  await opened.db.close();
  return opened.from;
}

describe('the snapshot cache is pruned when a new snapshot is written', () => {
  it('removes other builds’ snapshots, unused other keys and killed writers’ partial files; keeps the rest', async () => {
    const cache = await tempDir();
    const build = basename(templateFile(cache)).replace(/-cluster\.tar\.gz$/, ''); // "pglite-<version>"
    const mine = basename(preparedFile('mine', cache));
    const otherBuild = [
      'pglite-0.0.1-cluster.tar.gz',
      `${build}-vector-0.0.0-prepared-mine.tar.gz`,
      `${build}-empty.tar.gz`,
    ];
    for (const name of otherBuild) await plant(cache, name);
    await plant(cache, 'pglite-0.0.1-cluster.tar.gz.d', { unpacked: true });
    const unusedKey = basename(preparedFile('unused', cache));
    await plant(cache, unusedKey, { old: true });
    await plant(cache, `${unusedKey}.d`, { unpacked: true });
    await plant(cache, `${unusedKey}.spare`, { unpacked: true });
    const freshKey = basename(preparedFile('fresh', cache));
    await plant(cache, freshKey);
    await plant(cache, `${freshKey}.spare`, { unpacked: true });
    const killed = [
      `${mine}.${ANOTHER_PID}.partial`,
      `${freshKey}.d.${ANOTHER_PID}.partial`,
      `${freshKey}.spare.${ANOTHER_PID}.partial`,
    ];
    for (const name of killed) await plant(cache, name, { old: true });
    const kept = [`${mine}.${ANOTHER_PID + 1}.partial`, `${freshKey}.${process.pid}.partial`, 'unrelated.txt'];
    for (const name of kept) await plant(cache, name, { old: name.includes(String(process.pid)) });

    expect(await startWith(cache, 'mine')).toBe('initdb');

    const left = await readdir(cache);
    const removed = [...otherBuild, 'pglite-0.0.1-cluster.tar.gz.d', unusedKey, `${unusedKey}.d`, `${unusedKey}.spare`];
    for (const name of [...removed, ...killed]) {
      expect(left, name).not.toContain(name);
    }
    const template = basename(templateFile(cache));
    for (const name of [template, `${template}.d`, mine, `${mine}.d`, freshKey, `${freshKey}.spare`, ...kept]) {
      expect(left, name).toContain(name);
    }
  });

  it('keeps another key’s snapshot that a start restored from within the hour, however old the file', async () => {
    const cache = await tempDir();
    await startWith(cache, 'first');
    const first = preparedFile('first', cache);
    await utimes(first, TWO_HOURS_AGO, TWO_HOURS_AGO);
    expect(await startWith(cache, 'first')).toBe('prepared');
    await plant(cache, 'pglite-0.0.1-cluster.tar.gz');

    // A second configuration starts from the cluster snapshot and writes its own prepared one.
    expect(await startWith(cache, 'second')).toBe('cluster');
    expect(existsSync(preparedFile('second', cache))).toBe(true);
    expect(existsSync(join(cache, 'pglite-0.0.1-cluster.tar.gz'))).toBe(false);
    expect(existsSync(first)).toBe(true);
    expect(existsSync(`${first}.d`)).toBe(true);
  });

  it('a cache folder that cannot be read or written does not stop a start', async () => {
    const notAFolder = join(await tempDir(), 'cache');
    await writeFile(notAFolder, 'a file where the cache folder should be');
    const opened = await openPglite(await tempDir(), { prepared: 'any', cacheDir: notAFolder });
    await expect(opened.savePrepared()).resolves.toBeUndefined();
    expect((await opened.db.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await opened.db.close();
  });
});
