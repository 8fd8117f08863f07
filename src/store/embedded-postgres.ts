import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock.js';
import { openPglite } from './pglite-template.js';
import { startSessionGate } from './session-gate.js';

export type EmbeddedPostgres = {
  /** Folder holding the Unix socket, usable as pg's `host`. */
  socketDir: string;
  close(): Promise<void>;
};

/**
 * Runs PGlite (with pgvector) behind the Postgres wire protocol on a private Unix socket, so every
 * repository talks plain `pg` whether the store is embedded or a real server. PGlite is a single
 * session; the gate in front of it lets several connections (other processes' pools) take turns, one
 * whole transaction at a time.
 */
export async function startEmbeddedPostgres(dataDir: string | 'memory'): Promise<EmbeddedPostgres> {
  const memory = dataDir === 'memory';
  if (!memory) await mkdir(dataDir, { recursive: true });
  const unlock = memory ? async () => undefined : await lockDataDir(dataDir);
  let db: PGlite;
  try {
    db = await openPglite(memory ? undefined : dataDir);
  } catch (err) {
    await unlock();
    throw err;
  }
  const socketDir = await mkdtemp(join(tmpdir(), 'nof1-pg-'));
  const gate = await startSessionGate(db, join(socketDir, '.s.PGSQL.5432'));
  return {
    socketDir,
    async close() {
      await gate.stop();
      await db.close();
      await unlock();
      await rm(socketDir, { recursive: true, force: true });
    },
  };
}
