import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ADMIN_KEY_FILE,
  createStoredKeyRing,
  readStoredAdminKey,
  writeNewAdminKey,
} from '../../src/auth/stored-admin-key.js';
import { tempDir } from '../support/temp-dir.js';

describe('the generated admin key in the data folder', () => {
  it('is stored as a salted scrypt hash, readable by its owner only, never as the key', async () => {
    const dir = await tempDir();
    const key = await writeNewAdminKey(dir);
    expect(key).toMatch(/^nof1_[A-Za-z0-9_-]{32}$/);
    const file = join(dir, ADMIN_KEY_FILE);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(key);
    expect(text).not.toContain(key.slice(5, 20));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const stored = await readStoredAdminKey(dir);
    expect(stored).toMatchObject({ name: 'admin', scrypt: { N: 16384, r: 8, p: 1, keylen: 32 } });
    expect(Buffer.from(stored!.salt, 'base64')).toHaveLength(16);
  });

  it('identifies the key as admin and refuses any other', async () => {
    const dir = await tempDir();
    const key = await writeNewAdminKey(dir);
    const ring = createStoredKeyRing(dir);
    expect(await ring.identify(key)).toEqual({ name: 'admin', roles: new Set(['admin']) });
    expect(await ring.identify(key)).toEqual({ name: 'admin', roles: new Set(['admin']) });
    expect(await ring.identify(`${key}x`)).toBeUndefined();
    expect(await ring.identify('nof1_not-the-key')).toBeUndefined();
    expect((await ring.list()).map((k) => k.name)).toEqual(['admin']);
  });

  it('gives two folders two different keys and salts', async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    expect(await writeNewAdminKey(a)).not.toBe(await writeNewAdminKey(b));
    expect((await readStoredAdminKey(a))!.salt).not.toBe((await readStoredAdminKey(b))!.salt);
  });

  it('follows a rotation at once: the old key is refused on its next use, the new one accepted', async () => {
    const dir = await tempDir();
    const old = await writeNewAdminKey(dir);
    const ring = createStoredKeyRing(dir);
    expect(await ring.identify(old)).toBeDefined();
    const rotated = await writeNewAdminKey(dir);
    expect(await ring.identify(old)).toBeUndefined();
    expect(await ring.identify(rotated)).toBeDefined();
  });

  it('accepts nothing when the folder has no key file', async () => {
    const ring = createStoredKeyRing(await tempDir());
    expect(await ring.identify('nof1_anything-at-all')).toBeUndefined();
    expect(await ring.list()).toEqual([]);
  });
});
