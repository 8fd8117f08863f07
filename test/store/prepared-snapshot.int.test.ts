import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip as gunzipCb, gzip as gzipCb } from 'node:zlib';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parseEnv } from '../../src/env.js';
import { createEmbedder, preparedKey } from '../../src/runtime.js';
import { openPglite, preparedFile } from '../../src/store/pglite-template.js';
import { extractEntries } from '../../src/store/snapshot-entries.js';
import { startTestService } from '../support/service.js';
import { tempDir } from '../support/temp-dir.js';

/** A prepared-snapshot key no other test uses, its file removed when the test ends. */
function uniqueKey() {
  const key = `test${randomUUID().slice(0, 8)}`;
  onTestFinished(async () => {
    await rm(preparedFile(key), { force: true });
    await rm(`${preparedFile(key)}.d`, { recursive: true, force: true });
  });
  return key;
}

const gunzip = promisify(gunzipCb);
const gzip = promisify(gzipCb);

/** Saves a new folder database holding `marker` (7) as the prepared snapshot for `key`. */
async function savedWithMarker(key: string) {
  const first = await openPglite(await tempDir(), { prepared: key });
  await first.db.exec('CREATE TABLE marker (x int); INSERT INTO marker VALUES (7)');
  await first.savePrepared();
  await first.db.close();
}

const rows = async (db: Awaited<ReturnType<typeof openPglite>>['db']) =>
  (await db.query<{ x: number }>('SELECT x FROM marker')).rows.map((r) => r.x);

describe('prepared snapshots of a new embedded database', () => {
  it('a database kept as prepared is where the next new one starts, in a folder or in memory', async () => {
    const key = uniqueKey();
    const first = await openPglite(await tempDir(), { prepared: key });
    expect(first.from).not.toBe('prepared');
    await first.db.exec('CREATE TABLE marker (x int); INSERT INTO marker VALUES (7)');
    await first.savePrepared();
    await first.db.close();
    expect(existsSync(preparedFile(key))).toBe(true);

    const inFolder = await openPglite(await tempDir(), { prepared: key });
    expect(inFolder.from).toBe('prepared');
    expect(await rows(inFolder.db)).toEqual([7]);
    await inFolder.db.close();
    const inMemory = await openPglite(undefined, { prepared: key });
    expect(inMemory.from).toBe('prepared');
    expect(await rows(inMemory.db)).toEqual([7]);
    await inMemory.db.close();
  });

  it('keeps only Postgres files: nothing else nof1 keeps in the data folder travels to another store', async () => {
    const key = uniqueKey();
    const dir = await tempDir();
    const first = await openPglite(dir, { prepared: key });
    await mkdir(join(dir, 'nof1.lock'));
    await writeFile(join(dir, 'admin-key.json'), '{"hash": "secret"}');
    await first.db.exec('CREATE TABLE marker (x int)');
    await first.savePrepared();
    await first.db.close();
    const next = await tempDir();
    const second = await openPglite(next, { prepared: key });
    const names = await readdir(next);
    expect(names).toContain('PG_VERSION');
    expect(names).not.toContain('nof1.lock');
    expect(names).not.toContain('admin-key.json');
    await second.db.close();
  });

  it('opens a database already in the folder as it is, and never snapshots it', async () => {
    const key = uniqueKey();
    const dir = await tempDir();
    const made = await openPglite(dir);
    await made.db.exec('CREATE TABLE marker (x int); INSERT INTO marker VALUES (1)');
    await made.db.close();
    const reopened = await openPglite(dir, { prepared: key });
    expect(reopened.from).toBe('folder');
    await reopened.savePrepared();
    expect(existsSync(preparedFile(key))).toBe(false);
    expect(await rows(reopened.db)).toEqual([1]);
    await reopened.db.close();
  });

  it('restores from the copy unpacked beside the archive, and unpacks it again when it is gone or half-written', async () => {
    const key = uniqueKey();
    await savedWithMarker(key);
    const unpacked = `${preparedFile(key)}.d`;
    expect(existsSync(join(unpacked, 'PG_VERSION'))).toBe(true);
    // Changed in the copy only: a restore that reads the copy, not the archive, sees it.
    await writeFile(join(unpacked, 'nof1-copy-marker'), 'x');
    const fromCopy = await tempDir();
    const a = await openPglite(fromCopy, { prepared: key });
    expect(a.from).toBe('prepared');
    expect(await rows(a.db)).toEqual([7]);
    await a.db.close();
    expect(existsSync(join(fromCopy, 'nof1-copy-marker'))).toBe(true);

    // A copy without PG_VERSION (cut short) is not used: the archive is extracted and the copy made again.
    await rm(unpacked, { recursive: true });
    await mkdir(unpacked);
    await writeFile(join(unpacked, 'nof1-copy-marker'), 'x');
    const fromArchive = await tempDir();
    const b = await openPglite(fromArchive, { prepared: key });
    expect(await rows(b.db)).toEqual([7]);
    await b.db.close();
    expect(existsSync(join(fromArchive, 'nof1-copy-marker'))).toBe(false);
  });

  it('discards a damaged prepared snapshot and starts from the cluster snapshot', async () => {
    const key = uniqueKey();
    await writeFile(preparedFile(key), 'not a snapshot');
    const opened = await openPglite(await tempDir(), { prepared: key });
    expect(opened.from).toBe('cluster');
    expect(existsSync(preparedFile(key))).toBe(false);
    await opened.db.close();
  });
});

describe('a prepared snapshot matches only what made it', () => {
  it('a database asked for under another key does not start from it', async () => {
    const key = uniqueKey();
    await savedWithMarker(key);
    const other = await openPglite(await tempDir(), { prepared: uniqueKey() });
    expect(other.from).toBe('cluster');
    await expect(other.db.query('SELECT x FROM marker')).rejects.toThrow(/marker/);
    await other.db.close();
  });

  it('the key changes with the demo library switch and with the embeddings endpoint', () => {
    const keyOf = (vars: Record<string, string>) => {
      const env = parseEnv({ NOF1_DATA_DIR: '/nowhere', ...vars });
      return preparedKey(env, createEmbedder(env));
    };
    expect(keyOf({})).toBe(keyOf({}));
    expect(keyOf({ NOF1_DEMO: 'false' })).not.toBe(keyOf({}));
    const remote = (url: string) => keyOf({ NOF1_EMBEDDINGS_BASE_URL: url, NOF1_EMBEDDINGS_API_KEY: 'k' });
    expect(remote('http://a.example/v1')).not.toBe(remote('http://b.example/v1'));
    expect(remote('http://a.example/v1')).not.toBe(keyOf({}));
  });
});

describe('writing and restoring a snapshot never leaves half of one', () => {
  it('a kept snapshot is written aside and renamed: nothing partial is left beside it', async () => {
    const key = uniqueKey();
    await savedWithMarker(key);
    const file = preparedFile(key);
    const beside = (await readdir(dirname(file))).filter((n) => n.startsWith(`${basename(file)}.`));
    // Only the finished copy unpacked beside it (itself unpacked aside and renamed).
    expect(beside).toEqual([`${basename(file)}.d`]);
  });

  it('a restore cut short leaves no PG_VERSION, so the folder is restored again rather than opened', async () => {
    const key = uniqueKey();
    await savedWithMarker(key);
    const tar = await gunzip(await readFile(preparedFile(key)));
    const cut = await gzip(tar.subarray(0, Math.floor(tar.length / 2)));
    const dir = await tempDir();
    await expect(extractEntries(cut, dir, { keep: () => true, last: 'PG_VERSION' })).rejects.toThrow();
    expect(existsSync(join(dir, 'base'))).toBe(true);
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(false);

    const reopened = await openPglite(dir, { prepared: key });
    expect(reopened.from).toBe('prepared');
    expect(await rows(reopened.db)).toEqual([7]);
    await reopened.db.close();
  });
});

describe('the service on a new data folder', () => {
  it('keeps its first prepared store, and the next new store starts with the schema and demo library in', async () => {
    const env = { NOF1_DATA_DIR: await tempDir() };
    const file = preparedFile(preparedKey(parseEnv(env), createEmbedder(parseEnv(env))));
    await rm(file, { force: true });
    const first = await startTestService(env);
    await first.close();
    expect(first.logs.some((l) => l.msg === 'demo content library loaded')).toBe(true);
    expect(existsSync(file)).toBe(true);

    const second = await startTestService({ NOF1_DATA_DIR: await tempDir() });
    try {
      expect(second.logs.some((l) => l.msg === 'demo content library loaded')).toBe(false);
      const listed = await second.call('GET', '/v1/content/blocks?program=lumenzo-adherence&limit=500', {
        key: 'strategist',
      });
      expect(((await listed.json()) as { blocks: unknown[] }).blocks.length).toBeGreaterThan(50);
    } finally {
      await second.close();
    }
  });
});
