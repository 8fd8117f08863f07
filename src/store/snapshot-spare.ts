import { existsSync } from 'node:fs';
import { cp, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A spare copy of a snapshot's unpacked files, kept ready beside it: a new data folder takes it by renaming
 * its files into place, so a cold start copies nothing (copying 1,141 files was ≈ 0.6 s of the primary's
 * CPU), and the next spare is copied once the service is up, off the path to a healthy service.
 */
export const spareDir = (file: string) => `${file}.spare`;

/** Where a taken spare sits inside the data folder while its files are moved out of it. */
export const TAKING = '.nof1-restoring';

/**
 * Moves the spare of `file` into `dataDir`, PG_VERSION last: a start killed half-way leaves a folder with no
 * PG_VERSION, which the next start clears and restores again. The spare is claimed by one rename, so two
 * starts never share one. False when there is none to take (none made yet, another start took it, or it
 * sits on another file system, where a copy is the only way).
 */
export async function takeSpare(file: string, dataDir: string): Promise<boolean> {
  const taken = join(dataDir, TAKING);
  try {
    await rename(spareDir(file), taken);
  } catch {
    return false;
  }
  if (!existsSync(join(taken, 'PG_VERSION'))) {
    await rm(taken, { recursive: true, force: true });
    return false;
  }
  for (const name of await readdir(taken)) {
    if (name !== 'PG_VERSION') await rename(join(taken, name), join(dataDir, name));
  }
  await rename(join(taken, 'PG_VERSION'), join(dataDir, 'PG_VERSION'));
  await rmdir(taken);
  return true;
}

/**
 * Copies `unpacked` (a snapshot's files) into the spare of `file`, aside and then renamed, so a spare is
 * always whole. Nothing when a spare is there already or there is nothing to copy; never rejects: a spare
 * only makes the next start faster.
 */
export async function makeSpare(file: string, unpacked: string): Promise<void> {
  if (existsSync(spareDir(file)) || !existsSync(join(unpacked, 'PG_VERSION'))) return;
  const partial = `${spareDir(file)}.${process.pid}.partial`;
  try {
    await cp(unpacked, partial, { recursive: true });
    await rename(partial, spareDir(file));
  } catch {
    await rm(partial, { recursive: true, force: true }).catch(() => undefined);
  }
}
