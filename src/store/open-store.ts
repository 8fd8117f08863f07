import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { migrate } from './migrations.js';

export type Store = {
  pool: pg.Pool;
  kind: 'embedded' | 'postgres';
  close(): Promise<void>;
};

export type StoreOptions = { databaseUrl?: string; dataDir: string; poolMax?: number };

/**
 * Session settings every connection needs: HNSW scans keep going until filtered rows fill the limit. The
 * pool awaits this hook before it hands the new connection out, so no caller's query ever runs beside it
 * on the same connection (an unawaited `connect` listener did, each time a connection was replaced).
 */
const onConnect = async (client: pg.ClientBase) => {
  await client.query("SET hnsw.iterative_scan = 'relaxed_order'; SET hnsw.ef_search = 80");
};

export async function openStore(opts: StoreOptions): Promise<Store> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolMax ?? 10, onConnect });
    await migrate(pool);
    return { pool, kind: 'postgres', close: () => pool.end() };
  }
  const embedded = await startEmbeddedPostgres(opts.dataDir);
  const pool = new pg.Pool({ host: embedded.socketDir, user: 'postgres', database: 'postgres', max: 1, onConnect });
  try {
    await migrate(pool);
  } catch (err) {
    await pool.end();
    await embedded.close();
    throw err;
  }
  return {
    pool,
    kind: 'embedded',
    async close() {
      await pool.end();
      await embedded.close();
    },
  };
}
