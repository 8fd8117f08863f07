import { copyFileSync, cpSync, existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { CLAIM_FILES } from './data-dir-lock.js';
import { extractEntries, withoutEntries } from './snapshot-entries.js';
import { pruneSnapshots } from './snapshot-prune.js';
import { makeSpare, spareDir, TAKING, takeSpare } from './snapshot-spare.js';

/** An installed package's folder (its package.json) wherever this module runs from (src/ or dist/). */
function packageDir(name: string): string {
  let dir = dirname(createRequire(import.meta.url).resolve(name));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
const versionIn = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
const pgliteDir = packageDir('@electric-sql/pglite');
/** The installed PGlite's version: a snapshot is only valid for the build that made it. */
const pgliteVersion = versionIn(pgliteDir);
/** A prepared snapshot has the vector extension created in it: it is only valid for that extension's build. */
const pgvectorVersion = versionIn(packageDir('@electric-sql/pglite-pgvector'));

/** The cache folder of the node_modules PGlite is installed in, or the system temp folder when there is none. */
function defaultCacheDir(): string {
  const modules = dirname(dirname(pgliteDir)); // node_modules/@electric-sql/pglite
  return basename(modules) === 'node_modules' ? join(modules, '.cache', 'nof1') : join(tmpdir(), 'nof1-cache');
}
// "-cluster": snapshots named "-empty" were dumped with the lock file of the process that made them.
export const templateFile = (cacheDir = defaultCacheDir()) => join(cacheDir, `pglite-${pgliteVersion}-cluster.tar.gz`);

/** Lock files are the claim of one process on one folder: a snapshot never carries them. */
const LOCK_FILES = new Set(CLAIM_FILES);
const isLockEntry = (path: string) => LOCK_FILES.has(path.split('/')[0] ?? '');

/** The prepared snapshot for `key`: a cluster with the schema and the demo library as a start leaves it. */
const preparedPrefix = `pglite-${pgliteVersion}-vector-${pgvectorVersion}-prepared-`;
export const preparedFile = (key: string, cacheDir = defaultCacheDir()) =>
  join(cacheDir, `${preparedPrefix}${key}.tar.gz`);

/** What a prepared snapshot keeps of a live folder: Postgres's own files, nothing else nof1 keeps there. */
const isPostgresEntry = (path: string) => {
  const top = path.split('/')[0] ?? '';
  return /^(PG_VERSION|base|global|pg_[a-z_]+(\.conf)?|postgresql(\.auto)?\.conf|postmaster\.opts)$/.test(top);
};

export type OpenedPglite = {
  db: PGlite;
  /** How the database came to be: found in the folder, or restored from a snapshot, or made by initdb. */
  from: 'folder' | 'prepared' | 'cluster' | 'initdb';
  /**
   * Keeps this database, as it is now, as the prepared snapshot new databases start from (once its schema
   * and demo library are in, before it serves anything); nothing when it came from one or from the folder.
   * `before` runs first, only when a snapshot is kept (more that belongs in it, e.g. tables other code makes).
   * Never rejects: a snapshot that cannot be kept only makes the next start slower.
   */
  savePrepared(before?: () => Promise<void>): Promise<void>;
  /**
   * Once the service is up: copies the prepared snapshot's spare, which the next new folder takes by renaming
   * (snapshot-spare.ts), when there is none. Never rejects.
   */
  readySpare(): Promise<void>;
};

/**
 * Server settings (`name → value`) a database starts with, on top of PGlite's own start parameters: a
 * store that must stay small (an eval run's) asks for smaller buffers. Start-time settings only: they hold
 * for this process and are never written into the folder or a snapshot.
 */
export type PgSettings = Readonly<Record<string, string>>;

const createOptions = (settings: PgSettings | undefined) =>
  settings
    ? {
        extensions: { vector },
        startParams: [
          ...PGlite.defaultStartParams,
          ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
        ],
      }
    : { extensions: { vector } };

/**
 * A snapshot's files unpacked once beside it: copying that folder into a new data folder takes about a
 * third of the CPU of extracting the archive again (0.15–0.37 s against 0.61–1.07 s for the prepared
 * snapshot, 2026-12-01), and restoring is most of what a cold start's primary process does.
 */
const unpackedDir = (file: string) => `${file}.d`;

/** Unpacks a snapshot beside itself, aside and then renamed, so a half-written copy is never used. */
async function keepUnpacked(gz: Uint8Array, file: string) {
  const partial = `${unpackedDir(file)}.${process.pid}.partial`;
  try {
    await extractEntries(gz, partial, { keep: isPostgresEntry, last: 'PG_VERSION' });
    await rename(partial, unpackedDir(file));
  } catch {
    // Only a faster next start is lost: the archive stays the snapshot of record.
    await rm(partial, { recursive: true, force: true });
  }
}

/**
 * Restores a snapshot: in memory through PGlite, into a folder with the file system's own calls — by renaming
 * a spare copy into place when there is one, else by copying the unpacked copy, else by extracting the archive.
 */
async function restore(file: string, dataDir: string | undefined, settings?: PgSettings): Promise<PGlite> {
  if (dataDir === undefined) {
    return PGlite.create({ ...createOptions(settings), loadDataDir: new Blob([await readFile(file)]) });
  }
  const unpacked = unpackedDir(file);
  if (await takeSpare(file, dataDir)) return PGlite.create({ ...createOptions(settings), dataDir });
  if (existsSync(join(unpacked, 'PG_VERSION'))) {
    // PG_VERSION last, as extraction does: a copy cut short leaves a folder no one opens as a database.
    const top = join(unpacked, 'PG_VERSION');
    cpSync(unpacked, dataDir, { recursive: true, filter: (src) => src !== top });
    copyFileSync(top, join(dataDir, 'PG_VERSION'));
  } else {
    const gz = await readFile(file);
    await extractEntries(gz, dataDir, { keep: isPostgresEntry, last: 'PG_VERSION' });
    await keepUnpacked(gz, file);
  }
  return PGlite.create({ ...createOptions(settings), dataDir });
}

/**
 * Opens PGlite on a folder (or in memory). A new, empty database is restored from a cached snapshot
 * instead of running initdb again, which is most of a cold start: the prepared snapshot named by
 * `prepared` (schema and demo library already in) when there is one, else the snapshot of a freshly
 * initialised cluster, made once, the first time a database is initialised for this PGlite version.
 */
export async function openPglite(
  dataDir: string | undefined,
  opts: { prepared?: string; settings?: PgSettings; cacheDir?: string } = {},
): Promise<OpenedPglite> {
  const none = async () => undefined;
  const cacheDir = opts.cacheDir ?? defaultCacheDir();
  const prepared = opts.prepared ? preparedFile(opts.prepared, cacheDir) : undefined;
  // Only a folder store takes spares; one in memory restores from the archive.
  const readySpare = prepared && dataDir !== undefined ? () => makeSpare(prepared, unpackedDir(prepared)) : none;
  if (dataDir !== undefined && existsSync(join(dataDir, 'PG_VERSION'))) {
    // A start killed after the spare's PG_VERSION was moved leaves the spare's folder, emptied, behind.
    await rm(join(dataDir, TAKING), { recursive: true, force: true });
    return {
      db: await PGlite.create({ ...createOptions(opts.settings), dataDir }),
      from: 'folder',
      savePrepared: none,
      readySpare,
    };
  }
  // No database here, but perhaps what a restore killed half-way left: it would stand in a new one's way.
  if (dataDir !== undefined) await emptyFolder(dataDir, (name) => name === TAKING || isPostgresEntry(name));
  const template = templateFile(cacheDir);
  // Each new snapshot makes older ones of other builds and keys likely dead weight.
  const prune = () =>
    pruneSnapshots(cacheDir, {
      current: [template, ...(prepared ? [prepared] : [])].map((file) => basename(file)),
      restorable: (snapshot) => snapshot.startsWith(preparedPrefix),
    });
  // A snapshot only makes the next start faster: failing to keep one never fails this one.
  const prepare = (db: PGlite) =>
    prepared
      ? async (before?: () => Promise<void>) => {
          try {
            await before?.();
            await savePrepared(db, prepared);
            await prune();
          } catch {
            // Not kept: the next new store is prepared again.
          }
        }
      : none;
  const snapshots = [
    ...(prepared ? [{ file: prepared, from: 'prepared' as const }] : []),
    { file: template, from: 'cluster' as const },
  ];
  for (const { file, from } of snapshots) {
    if (!existsSync(file)) continue;
    // Marks the prepared snapshot in use before reading it, so another key's pruning leaves it (snapshot-prune.ts).
    if (from === 'prepared') await utimes(file, new Date(), new Date()).catch(() => undefined);
    try {
      const db = await restore(file, dataDir, opts.settings);
      return { db, from, savePrepared: from === 'prepared' ? none : prepare(db), readySpare };
    } catch {
      // A damaged or foreign snapshot is discarded; the next one, or initdb, makes the database.
      await rm(file, { force: true });
      await rm(unpackedDir(file), { recursive: true, force: true });
      await rm(spareDir(file), { recursive: true, force: true });
      if (dataDir) await emptyFolder(dataDir, (name) => !LOCK_FILES.has(name));
    }
  }
  const db = await PGlite.create({ ...createOptions(opts.settings), dataDir });
  if (!existsSync(template)) await saveTemplate(db, template).then(prune, () => undefined);
  return { db, from: 'initdb', savePrepared: prepare(db), readySpare };
}

async function saveTemplate(db: PGlite, file: string) {
  await saveSnapshot(db, file, isLockEntry);
}

async function savePrepared(db: PGlite, file: string) {
  // Written out whole first, so a restore starts without replaying the log.
  await db.exec('CHECKPOINT');
  await saveSnapshot(db, file, (path) => !isPostgresEntry(path));
}

async function saveSnapshot(db: PGlite, file: string, drop: (path: string) => boolean) {
  const dump = await db.dumpDataDir('gzip');
  const snapshot = await withoutEntries(new Uint8Array(await dump.arrayBuffer()), drop);
  await mkdir(dirname(file), { recursive: true });
  // Written aside and renamed, so a concurrent start never reads half a snapshot.
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, snapshot);
  await rm(unpackedDir(file), { recursive: true, force: true });
  await rm(spareDir(file), { recursive: true, force: true });
  await rename(partial, file);
  await keepUnpacked(snapshot, file);
}

/** Removes the entries of a folder `doomed` names (what a failed restore left; never the lock this process holds). */
async function emptyFolder(dataDir: string, doomed: (name: string) => boolean) {
  const names = (await readdir(dataDir)).filter(doomed);
  await Promise.all(names.map((name) => rm(join(dataDir, name), { recursive: true, force: true })));
}
