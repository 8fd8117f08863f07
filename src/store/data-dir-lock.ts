import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

class StoreInUseError extends Error {}

/** Folders this process holds: its own pid in the file cannot tell a live claim from a stale one. */
const held = new Set<string>();

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite is single-process: a second process opening the same folder would corrupt it, so the
 * folder is claimed with a pid file; a stale claim (its process gone) is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const dir = resolve(dataDir);
  if (held.has(dir)) throw new StoreInUseError(`the store in ${dataDir} is already in use by this process`);
  held.add(dir);
  try {
    await claim(dataDir);
  } catch (err) {
    held.delete(dir);
    throw err;
  }
  return async () => {
    held.delete(dir);
    await rm(join(dataDir, 'nof1.pid'), { force: true });
  };
}

async function claim(dataDir: string) {
  const file = join(dataDir, 'nof1.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (owner && owner !== process.pid && alive(owner)) {
        throw new StoreInUseError(`the store in ${dataDir} is in use by process ${owner}; stop it first`);
      }
      await rm(file, { force: true });
    }
  }
  throw new StoreInUseError(`could not claim the store in ${dataDir}`);
}
