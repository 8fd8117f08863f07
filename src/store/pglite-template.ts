import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { LEGACY_LOCK_NAMES, LOCK_NAME } from './data-dir-lock.js';
import { withoutEntries } from './snapshot-entries.js';

/** The installed PGlite's folder (its package.json) wherever this module runs from (src/ or dist/). */
function pglitePackageDir(): string {
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
const pgliteDir = pglitePackageDir();
/** The installed PGlite's version: a snapshot is only valid for the build that made it. */
const pgliteVersion = (JSON.parse(readFileSync(join(pgliteDir, 'package.json'), 'utf8')) as { version: string })
  .version;

/** The cache folder of the node_modules PGlite is installed in, or the system temp folder when there is none. */
function cacheDir(): string {
  const modules = dirname(dirname(pgliteDir)); // node_modules/@electric-sql/pglite
  return basename(modules) === 'node_modules' ? join(modules, '.cache', 'nof1') : join(tmpdir(), 'nof1-cache');
}
// "-cluster": snapshots named "-empty" were dumped with the lock file of the process that made them.
export const templateFile = () => join(cacheDir(), `pglite-${pgliteVersion}-cluster.tar.gz`);

/** Lock files are the claim of one process on one folder: a snapshot never carries them. */
const LOCK_FILES = new Set([LOCK_NAME, ...LEGACY_LOCK_NAMES]);
const isLockEntry = (path: string) => LOCK_FILES.has(path.split('/')[0] ?? '');

/**
 * Opens PGlite on a folder (or in memory). A new, empty database is restored from a cached snapshot
 * of a freshly initialised cluster instead of running initdb again, which is most of a cold start;
 * the snapshot is made once, the first time a database is initialised for this PGlite version.
 */
export async function openPglite(dataDir: string | undefined): Promise<PGlite> {
  const fresh = dataDir === undefined || !existsSync(join(dataDir, 'PG_VERSION'));
  const file = templateFile();
  if (fresh && existsSync(file)) {
    try {
      const loadDataDir = new Blob([await readFile(file)]);
      const db = await PGlite.create({ dataDir, extensions: { vector }, loadDataDir });
      // The live lock was taken before the restore; only files an older snapshot might carry go.
      if (dataDir) await Promise.all(LEGACY_LOCK_NAMES.map((name) => rm(join(dataDir, name), { force: true })));
      return db;
    } catch {
      // A damaged or foreign snapshot is discarded; the database is initialised the slow way below.
      await rm(file, { force: true });
      if (dataDir) await emptyFolder(dataDir);
    }
  }
  const db = await PGlite.create({ dataDir, extensions: { vector } });
  if (fresh && !existsSync(file)) await saveTemplate(db, file).catch(() => undefined);
  return db;
}

async function saveTemplate(db: PGlite, file: string) {
  const dump = await db.dumpDataDir('gzip');
  const snapshot = await withoutEntries(new Uint8Array(await dump.arrayBuffer()), isLockEntry);
  await mkdir(dirname(file), { recursive: true });
  // Written aside and renamed, so a concurrent start never reads half a snapshot.
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, snapshot);
  await rename(partial, file);
}

/** Removes what a failed restore left, but not the lock this process holds on the folder. */
async function emptyFolder(dataDir: string) {
  const names = (await readdir(dataDir)).filter((name) => name !== LOCK_NAME);
  await Promise.all(names.map((name) => rm(join(dataDir, name), { recursive: true, force: true })));
}
