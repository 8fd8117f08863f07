import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import lockfile from 'proper-lockfile';

export class StoreInUseError extends Error {}

/**
 * The lock inside the data folder: a directory whose mtime its holder refreshes. A pid file could
 * not tell a live holder from a dead one (a snapshot carried a dead pid, an empty file read as stale,
 * a reused pid blocked start-up); a claim nobody refreshes can only mean its holder is gone.
 */
export const LOCK_NAME = 'nof1.lock';
/** What earlier versions left in the folder; never a claim any more. */
export const LEGACY_LOCK_NAMES = ['nof1.pid'];

export interface DataDirLockOptions {
  /** A claim not refreshed for this long was left by a process that died: it is taken over. */
  staleMs?: number;
  /**
   * Called when this process loses its claim (it could not refresh it in time, or the lock was
   * removed). Another process may then open the folder, so the default throws, which stops the
   * process rather than let two write one database.
   */
  onCompromised?: (err: Error) => void;
}

const DEFAULT_STALE_MS = 10_000;

/** Folders this process holds, so a second claim from the same process gets its own message. */
const held = new Set<string>();

/** PGlite is single-process: a second process opening the same folder would corrupt it. */
export async function lockDataDir(dataDir: string, opts: DataDirLockOptions = {}): Promise<() => Promise<void>> {
  const dir = resolve(dataDir);
  if (held.has(dir)) throw new StoreInUseError(`the store in ${dataDir} is already in use by this process`);
  const stale = Math.max(2_000, opts.staleMs ?? DEFAULT_STALE_MS);
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, {
      lockfilePath: join(dir, LOCK_NAME),
      realpath: false,
      stale,
      // Refreshed four times per stale period, so a busy event loop does not lose the claim.
      update: Math.max(1_000, stale / 4),
      onCompromised: opts.onCompromised ?? compromised(dataDir),
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
    throw new StoreInUseError(
      `the store in ${dataDir} is in use by another process; stop it first ` +
        `(a process that was killed leaves a claim that expires ${stale / 1000} s later)`,
    );
  }
  held.add(dir);
  await Promise.all(LEGACY_LOCK_NAMES.map((name) => rm(join(dir, name), { force: true })));
  return async () => {
    held.delete(dir);
    await release().catch((err: NodeJS.ErrnoException) => {
      // A claim already lost was reported by onCompromised; there is nothing left to release.
      if (err.code !== 'ERELEASED') throw err;
    });
  };
}

const compromised = (dataDir: string) => (err: Error) => {
  throw new StoreInUseError(`lost the lock on the store in ${dataDir} (${err.message}); stopping`);
};
