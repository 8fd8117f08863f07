import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';

/** The installed PGlite's version: a snapshot is only valid for the build that made it. */
function installedPgliteVersion(): string {
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}
const pgliteVersion = installedPgliteVersion();

/** The cache folder beside the installed packages, or the system temp folder when that is read-only. */
function cacheDir(): string {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', '.cache', 'nof1');
  return existsSync(join(root, '..', '..')) ? root : join(tmpdir(), 'nof1-cache');
}
const templateFile = () => join(cacheDir(), `pglite-${pgliteVersion}-empty.tar.gz`);

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
      return await PGlite.create({ dataDir, extensions: { vector }, loadDataDir });
    } catch {
      // A damaged or foreign snapshot is discarded; the database is initialised the slow way below.
      await rm(file, { force: true });
      if (dataDir) await rm(dataDir, { recursive: true, force: true }).then(() => mkdir(dataDir, { recursive: true }));
    }
  }
  const db = await PGlite.create({ dataDir, extensions: { vector } });
  if (fresh && !existsSync(file)) await saveTemplate(db, file).catch(() => undefined);
  return db;
}

async function saveTemplate(db: PGlite, file: string) {
  const dump = await db.dumpDataDir('gzip');
  await mkdir(dirname(file), { recursive: true });
  // Written aside and renamed, so a concurrent start never reads half a snapshot.
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, file);
}
