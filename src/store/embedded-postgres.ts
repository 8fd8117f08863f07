import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { lockDataDir } from './data-dir-lock.js';
import { openPglite } from './pglite-template.js';

export type EmbeddedPostgres = {
  /** Folder holding the Unix socket, usable as pg's `host`. */
  socketDir: string;
  close(): Promise<void>;
};

/**
 * Runs PGlite (with pgvector) behind the Postgres wire protocol on a private Unix socket, so every
 * repository talks plain `pg` whether the store is embedded or a real server. PGlite is a single
 * session: the caller must connect with one pooled connection, which also serialises transactions.
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
  const server = new PGLiteSocketServer({ db, path: join(socketDir, '.s.PGSQL.5432') });
  await server.start();
  return {
    socketDir,
    async close() {
      await server.stop();
      await db.close();
      await unlock();
      await rm(socketDir, { recursive: true, force: true });
    },
  };
}
