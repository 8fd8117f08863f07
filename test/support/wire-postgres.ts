import { openPglite } from '../../src/store/pglite-template.js';
import { startSessionGate } from '../../src/store/session-gate.js';

export type WirePostgres = { url: string; close(): Promise<void> };

/**
 * An in-memory PGlite with pgvector behind the Postgres wire protocol on 127.0.0.1, standing in for a
 * real Postgres server. Its session gate lets several connections (and processes) share it, one whole
 * transaction at a time.
 */
export async function startWirePostgres(): Promise<WirePostgres> {
  const { db } = await openPglite(undefined);
  const gate = await startSessionGate(db, { host: '127.0.0.1', port: 0 });
  const { port } = gate.address as { port: number };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async close() {
      await gate.stop();
      await db.close();
    },
  };
}
