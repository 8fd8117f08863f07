import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export type WirePostgres = { url: string; close(): Promise<void> };

/**
 * An in-memory PGlite with pgvector behind the Postgres wire protocol on 127.0.0.1, standing in for a
 * real Postgres server. It is a single session: clients must use one connection.
 */
export async function startWirePostgres(): Promise<WirePostgres> {
  const db = await PGlite.create({ extensions: { vector } });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}
