import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockDataDir } from './data-dir-lock.js';
import { type OpenedPglite, openPglite, type PgSettings } from './pglite-template.js';
import { startSessionGate } from './session-gate.js';

export type EmbeddedPostgres = {
  /** Folder holding the Unix socket, usable as pg's `host`. */
  socketDir: string;
  /** How the database came to be (see openPglite). */
  from: OpenedPglite['from'];
  /** Keeps the database as the prepared snapshot new ones start from (see openPglite). */
  savePrepared(before?: () => Promise<void>): Promise<void>;
  /** Readies the spare copy the next new folder takes (see openPglite). */
  readySpare(): Promise<void>;
  close(): Promise<void>;
};

/**
 * Runs PGlite (with pgvector) behind the Postgres wire protocol on a private Unix socket, so every
 * repository talks plain `pg` whether the store is embedded or a real server. PGlite is a single
 * session; the gate in front of it lets several connections (other processes' pools) take turns, one
 * whole transaction at a time.
 */
export async function startEmbeddedPostgres(
  dataDir: string | 'memory',
  opts: { prepared?: string; settings?: PgSettings } = {},
): Promise<EmbeddedPostgres> {
  const memory = dataDir === 'memory';
  if (!memory) await mkdir(dataDir, { recursive: true });
  const unlock = memory ? async () => undefined : await lockDataDir(dataDir);
  let opened: OpenedPglite;
  try {
    opened = await openPglite(memory ? undefined : dataDir, opts);
  } catch (err) {
    await unlock();
    throw err;
  }
  const { db } = opened;
  const socketDir = await mkdtemp(join(tmpdir(), 'nof1-pg-'));
  const gate = await startSessionGate(db, join(socketDir, '.s.PGSQL.5432'));
  return {
    socketDir,
    from: opened.from,
    savePrepared: opened.savePrepared,
    readySpare: opened.readySpare,
    async close() {
      await gate.stop();
      await db.close();
      await unlock();
      await rm(socketDir, { recursive: true, force: true });
    },
  };
}
