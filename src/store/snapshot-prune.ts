import { lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * How long a file may sit unchanged before it is no one's: no writer takes an hour over one snapshot, so
 * an older `.partial` is a killed writer's; a prepared snapshot nobody has written or restored for an hour
 * is not what any running configuration starts from.
 */
export const UNUSED_MS = 60 * 60 * 1000;

// A snapshot "<name>.tar.gz", its unpacked copy "<name>.tar.gz.d", the spare copy a new folder takes
// "<name>.tar.gz.spare" (snapshot-spare.ts), and any of them while written: "….<pid>.partial".
const ENTRY = /^(pglite-.+?\.tar\.gz)(\.d|\.spare)?(?:\.(\d+)\.partial)?$/;

export type SnapshotsKept = {
  /** The snapshots this process starts from (this build's cluster, its own prepared key): never removed. */
  current: readonly string[];
  /**
   * Snapshots this build can restore that another configuration (another prepared key) may be starting
   * from at this moment: removed only once unused for an hour. Every other snapshot is another PGlite or
   * pgvector build's, which this install can no longer restore, and goes at once.
   */
  restorable: (snapshot: string) => boolean;
};

/**
 * Removes what the snapshot cache no longer needs: other builds' snapshots, other prepared keys unused for
 * an hour, and partial files of killed writers (never this process's), each with its unpacked copy. Never
 * throws: a cache that cannot be read or emptied costs disk, never a start.
 */
export async function pruneSnapshots(dir: string, kept: SnapshotsKept): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  const now = Date.now();
  // A file that is gone counts as unused: an unpacked copy whose archive was discarded is never restored.
  const idleFor = async (name: string) => {
    try {
      return now - (await lstat(join(dir, name))).mtimeMs;
    } catch {
      return Number.POSITIVE_INFINITY;
    }
  };
  const doomed: string[] = [];
  for (const name of names) {
    const [, snapshot = '', , pid] = ENTRY.exec(name) ?? [];
    if (!snapshot) continue; // not a snapshot: someone else's file
    if (pid !== undefined) {
      if (Number(pid) !== process.pid && (await idleFor(name)) > UNUSED_MS) doomed.push(name);
    } else if (!kept.current.includes(snapshot)) {
      if (!kept.restorable(snapshot) || (await idleFor(snapshot)) > UNUSED_MS) doomed.push(name);
    }
  }
  // One that cannot be removed is left for the next prune; the others still go.
  await Promise.all(doomed.map((name) => rm(join(dir, name), { recursive: true, force: true }).catch(() => undefined)));
}
