import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { generateAdminKey, type Identity, type KeyRing, sha256 } from './keys.js';

/** The file in the data folder that holds the generated admin key, hashed; never the key itself. */
export const ADMIN_KEY_FILE = 'admin-key.json';
const NAME = 'admin';

const Params = z.object({ N: z.number().int(), r: z.number().int(), p: z.number().int(), keylen: z.number().int() });
const StoredKey = z.object({
  name: z.string(),
  createdAt: z.string(),
  salt: z.string(),
  hash: z.string(),
  scrypt: Params,
});
type StoredKey = z.infer<typeof StoredKey>;

// scrypt's recommended interactive cost: ~16 MB and tens of ms per check, so a stolen file is no shortcut.
const PARAMS = { N: 16384, r: 8, p: 1, keylen: 32 };

const derive = (key: string, salt: Buffer, params: z.infer<typeof Params>) =>
  new Promise<Buffer>((resolve, reject) => {
    const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 64 * 1024 * 1024 };
    scrypt(key, salt, params.keylen, options, (err, out) => (err ? reject(err) : resolve(out)));
  });

const fileOf = (dataDir: string) => join(dataDir, ADMIN_KEY_FILE);

export async function readStoredAdminKey(dataDir: string): Promise<StoredKey | undefined> {
  let text: string;
  try {
    text = await readFile(fileOf(dataDir), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  return StoredKey.parse(JSON.parse(text));
}

/**
 * Makes a new admin key, stores its scrypt hash (replacing any earlier one) and answers the key: the
 * only moment it exists outside the caller's head. Written aside and renamed, so a reader never sees
 * half a file; readable by this user only.
 */
export async function writeNewAdminKey(dataDir: string): Promise<string> {
  const key = generateAdminKey();
  const salt = randomBytes(16);
  const hash = await derive(key, salt, PARAMS);
  const record: StoredKey = {
    name: NAME,
    createdAt: new Date().toISOString(),
    salt: salt.toString('base64'),
    hash: hash.toString('base64'),
    scrypt: PARAMS,
  };
  await mkdir(dataDir, { recursive: true });
  const partial = `${fileOf(dataDir)}.${process.pid}.partial`;
  await writeFile(partial, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
  await rename(partial, fileOf(dataDir));
  return key;
}

/**
 * The ring of the generated admin key. The file is re-read when it changes, so `nof1 keys rotate`
 * takes effect on a running service at once: the old key stops working on its next use.
 */
export function createStoredKeyRing(dataDir: string): KeyRing {
  let version = '';
  let record: StoredKey | undefined;
  // Keys already checked against this version of the file, by SHA-256: scrypt runs once per key.
  const checked = new Map<string, boolean>();

  async function current(): Promise<StoredKey | undefined> {
    const s = await stat(fileOf(dataDir)).catch(() => undefined);
    const seen = s ? `${s.ino}:${s.size}:${s.mtimeMs}` : 'none';
    if (seen !== version) {
      record = s ? await readStoredAdminKey(dataDir).catch(() => undefined) : undefined;
      version = seen;
      checked.clear();
    }
    return record;
  }

  const identity = (r: StoredKey): Identity => ({ name: r.name, roles: new Set(['admin']) });

  return {
    async identify(key) {
      const r = await current();
      if (!r) return undefined;
      const h = sha256(key);
      let ok = checked.get(h);
      if (ok === undefined) {
        const expected = Buffer.from(r.hash, 'base64');
        const got = await derive(key, Buffer.from(r.salt, 'base64'), r.scrypt);
        ok = got.length === expected.length && timingSafeEqual(got, expected);
        // Bounded: unknown keys are throttled per address upstream, and this only saves repeat work.
        if (checked.size >= 1000) checked.clear();
        checked.set(h, ok);
      }
      return ok ? identity(r) : undefined;
    },
    async list() {
      const r = await current();
      return r ? [identity(r)] : [];
    },
  };
}
