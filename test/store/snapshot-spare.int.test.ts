import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, preparedFile } from '../../src/store/pglite-template.js';
import { makeSpare, spareDir, TAKING } from '../../src/store/snapshot-spare.js';
import { tempDir } from '../support/temp-dir.js';

// One prepared snapshot (a table `marker` holding 7) under a key no other test file uses; each test takes a
// spare made for it alone.
const key = `spare${randomUUID().slice(0, 8)}`;
const file = preparedFile(key);
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nof1-spare-'));
  const first = await openPglite(dir, { prepared: key });
  await first.db.exec('CREATE TABLE marker (x int); INSERT INTO marker VALUES (7)');
  await first.savePrepared();
  await first.db.close();
  await rm(dir, { recursive: true, force: true });
});
afterAll(async () => {
  for (const path of [file, `${file}.d`, spareDir(file)]) await rm(path, { recursive: true, force: true });
});

/** The prepared snapshot with a new spare beside it, as a service that is up leaves it. */
async function preparedWithSpare() {
  await rm(spareDir(file), { recursive: true, force: true });
  await makeSpare(file, `${file}.d`);
  expect(existsSync(join(spareDir(file), 'PG_VERSION'))).toBe(true);
  return { key, file };
}

/** Opens `dir` as a start would, and reads the marker back. */
async function openAndRead(dir: string, key: string) {
  const opened = await openPglite(dir, { prepared: key });
  try {
    const { rows } = await opened.db.query<{ x: number }>('SELECT x FROM marker');
    return { from: opened.from, rows: rows.map((r) => r.x) };
  } finally {
    await opened.db.close();
  }
}

describe('a new folder takes the spare copy of the prepared snapshot', () => {
  it('by renaming it into place; the next spare is made only when asked, once the service is up', async () => {
    const { key, file } = await preparedWithSpare();
    const dir = await tempDir();
    const opened = await openPglite(dir, { prepared: key });
    expect(opened.from).toBe('prepared');
    expect(existsSync(spareDir(file))).toBe(false);
    expect(existsSync(join(dir, TAKING))).toBe(false);
    expect((await opened.db.query('SELECT x FROM marker')).rows).toEqual([{ x: 7 }]);
    await opened.readySpare();
    await opened.db.close();
    expect(existsSync(join(spareDir(file), 'PG_VERSION'))).toBe(true);
    // The unpacked copy the spares are made from is untouched by the taking.
    expect(existsSync(join(`${file}.d`, 'PG_VERSION'))).toBe(true);
  });

  it('without a spare, a new folder is copied from the unpacked snapshot as before', async () => {
    const { key, file } = await preparedWithSpare();
    await rm(spareDir(file), { recursive: true });
    expect(await openAndRead(await tempDir(), key)).toEqual({ from: 'prepared', rows: [7] });
  });

  it('a spare without PG_VERSION (never whole) is thrown away, not taken', async () => {
    const { key, file } = await preparedWithSpare();
    await rm(join(spareDir(file), 'PG_VERSION'));
    const dir = await tempDir();
    expect(await openAndRead(dir, key)).toEqual({ from: 'prepared', rows: [7] });
    expect(existsSync(spareDir(file))).toBe(false);
    expect(existsSync(join(dir, TAKING))).toBe(false);
  });
});

/**
 * The states a start killed (kill -9) while taking the spare leaves: the spare claimed into the folder and
 * `moved` of its entries moved out of it, PG_VERSION last. Made by hand, step by step as takeSpare goes.
 */
async function killedWhileTaking(file: string, dir: string, moved: number | 'all') {
  const taken = join(dir, TAKING);
  await rename(spareDir(file), taken);
  const names = (await readdir(taken)).filter((n) => n !== 'PG_VERSION').sort();
  const count = moved === 'all' ? names.length : moved;
  for (const name of names.slice(0, count)) await rename(join(taken, name), join(dir, name));
  if (moved === 'all') await rename(join(taken, 'PG_VERSION'), join(dir, 'PG_VERSION'));
  return names.length;
}

describe('a start killed at any point of taking the spare leaves a folder the next start opens', () => {
  for (const point of [
    { moved: 0, what: 'right after claiming it' },
    { moved: 5, what: 'with some of its entries moved' },
    { moved: -1, what: 'with everything but PG_VERSION moved' },
  ]) {
    it(`${point.what}: no PG_VERSION, so the folder is cleared and restored again`, async () => {
      const { key, file } = await preparedWithSpare();
      const dir = await tempDir();
      await mkdir(join(dir, 'nof1.lock')); // the dead start's claim stays; clearing must not touch it
      const total = await killedWhileTaking(file, dir, point.moved < 0 ? Number.MAX_SAFE_INTEGER : point.moved);
      expect(total).toBeGreaterThan(5);
      expect(existsSync(join(dir, 'PG_VERSION'))).toBe(false);
      expect(await openAndRead(dir, key)).toEqual({ from: 'prepared', rows: [7] });
      expect(existsSync(join(dir, TAKING))).toBe(false);
      expect(existsSync(join(dir, 'nof1.lock'))).toBe(true);
    });
  }

  it('after PG_VERSION moved: the folder is a whole database, opened as it is', async () => {
    const { key, file } = await preparedWithSpare();
    const dir = await tempDir();
    await killedWhileTaking(file, dir, 'all');
    expect(await openAndRead(dir, key)).toEqual({ from: 'folder', rows: [7] });
    expect(existsSync(join(dir, TAKING))).toBe(false);
  });
});
