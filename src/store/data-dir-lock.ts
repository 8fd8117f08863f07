import { existsSync, readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
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
/** Beside the lock directory (which must stay empty for the lock library to remove it): who holds it. */
const OWNER = `${LOCK_NAME}.owner.json`;
/** Every file a claim leaves in the folder: a snapshot of the folder never carries them. */
export const CLAIM_FILES = [LOCK_NAME, OWNER, ...LEGACY_LOCK_NAMES];

/** When a process started (Linux: clock ticks since boot), so a reused pid is never taken for the holder. */
function startTime(pid: number): string | undefined {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return undefined;
  try {
    // The command name (field 2) may hold spaces; fields after its closing parenthesis are fixed.
    const fields = readFileSync(file, 'utf8')
      .slice(readFileSync(file, 'utf8').lastIndexOf(')') + 2)
      .split(' ');
    return fields[19];
  } catch {
    return undefined;
  }
}

/**
 * A claim whose recorded holder is certainly gone (its pid no longer runs the process that started at
 * that time) is cleared at once, so a supervisor restarting after kill -9 need not wait for the claim to
 * go stale. Where the system cannot tell (no /proc), the stale period decides, as before.
 */
async function clearDeadClaim(dir: string) {
  const lockDir = join(dir, LOCK_NAME);
  const text = await readFile(join(dir, OWNER), 'utf8').catch(() => undefined);
  if (!text || !existsSync('/proc/self/stat')) return;
  const owner = JSON.parse(text) as { pid?: number; started?: string };
  if (typeof owner.pid !== 'number' || !owner.started) return;
  if (startTime(owner.pid) === owner.started) return;
  // Re-read just before removing: a claim written meanwhile by a live process is left alone.
  if ((await readFile(join(dir, OWNER), 'utf8').catch(() => undefined)) !== text) return;
  await rm(lockDir, { recursive: true, force: true });
}

/** Folders this process holds, so a second claim from the same process gets its own message. */
const held = new Set<string>();

/** PGlite is single-process: a second process opening the same folder would corrupt it. */
export async function lockDataDir(dataDir: string, opts: DataDirLockOptions = {}): Promise<() => Promise<void>> {
  const dir = resolve(dataDir);
  if (held.has(dir)) throw new StoreInUseError(`the store in ${dataDir} is already in use by this process`);
  const stale = Math.max(2_000, opts.staleMs ?? DEFAULT_STALE_MS);
  let release: () => Promise<void>;
  const lockDir = join(dir, LOCK_NAME);
  await clearDeadClaim(dir);
  try {
    release = await lockfile.lock(dir, {
      lockfilePath: lockDir,
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
        `(where the system cannot tell that a killed process is gone, its claim expires ${stale / 1000} s later)`,
    );
  }
  held.add(dir);
  const started = startTime(process.pid);
  if (started) await writeFile(join(dir, OWNER), JSON.stringify({ pid: process.pid, started }));
  await Promise.all(LEGACY_LOCK_NAMES.map((name) => rm(join(dir, name), { force: true })));
  return async () => {
    held.delete(dir);
    await rm(join(dir, OWNER), { force: true });
    await release().catch((err: NodeJS.ErrnoException) => {
      // A claim already lost was reported by onCompromised; there is nothing left to release.
      if (err.code !== 'ERELEASED') throw err;
    });
  };
}

const compromised = (dataDir: string) => (err: Error) => {
  throw new StoreInUseError(`lost the lock on the store in ${dataDir} (${err.message}); stopping`);
};
