import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { migrate } from './migrations.js';
import type { PgSettings } from './pglite-template.js';

export type Store = {
  pool: pg.Pool;
  kind: 'embedded' | 'postgres';
  /** How other processes on this machine reach the same store (the embedded store: its private socket). */
  url: string;
  /**
   * A new embedded database with its schema and demo library in, before it serves anything: kept as the
   * snapshot the next new one starts from (it is made once per `prepared` key). Nothing otherwise.
   */
  savePrepared(before?: () => Promise<void>): Promise<void>;
  /**
   * Restored just now from the prepared snapshot of its `prepared` key: the schema, demo library and
   * embeddings are those the key names, and nothing has run in it yet, so start-up has nothing to apply.
   */
  asPrepared: boolean;
  /** Once the service is up: readies the spare copy of the prepared snapshot the next new folder takes. */
  readySpare(): Promise<void>;
  close(): Promise<void>;
};

export type StoreOptions = {
  databaseUrl?: string;
  dataDir: string;
  poolMax?: number;
  /** Names what a prepared snapshot of a new embedded database holds (schema, demo library, embedder). */
  prepared?: string;
  /** Server settings for an embedded store at start (see PgSettings); a real Postgres keeps its own. */
  settings?: PgSettings;
  /** Another process has applied the migrations already (the primary of `nof1 serve --workers N`). */
  migrated?: boolean;
};

/**
 * Session settings every connection needs: HNSW scans keep going until filtered rows fill the limit. The
 * pool awaits this hook before it hands the new connection out, so no caller's query ever runs beside it
 * on the same connection (an unawaited `connect` listener did, each time a connection was replaced).
 */
const onConnect = async (client: pg.ClientBase) => {
  await client.query("SET hnsw.iterative_scan = 'relaxed_order'; SET hnsw.ef_search = 80");
};

/**
 * pg's pipeline mode: statements a caller sends without waiting go out at once and are answered in order,
 * so a transaction's locks and reads (or its writes and COMMIT) cost one round trip, not one each
 * (pipelined-transaction.ts). A caller that awaits each statement sees no difference.
 */
const PIPELINE = { pipeline: true } as const;

export async function openStore(opts: StoreOptions): Promise<Store> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolMax ?? 10, onConnect, ...PIPELINE });
    if (!opts.migrated) await migrate(pool);
    return {
      pool,
      kind: 'postgres',
      url: opts.databaseUrl,
      savePrepared: async () => undefined,
      asPrepared: false,
      readySpare: async () => undefined,
      close: () => pool.end(),
    };
  }
  const embedded = await startEmbeddedPostgres(opts.dataDir, { prepared: opts.prepared, settings: opts.settings });
  const pool = new pg.Pool({
    host: embedded.socketDir,
    user: 'postgres',
    database: 'postgres',
    max: 1,
    onConnect,
    ...PIPELINE,
  });
  // The prepared key names the migrations (runtime.ts, preparedKey): a store restored from it has them all.
  const asPrepared = embedded.from === 'prepared';
  try {
    if (!asPrepared) await migrate(pool);
  } catch (err) {
    await pool.end();
    await embedded.close();
    throw err;
  }
  return {
    pool,
    kind: 'embedded',
    url: `postgres://postgres@localhost/postgres?host=${encodeURIComponent(embedded.socketDir)}`,
    savePrepared: embedded.savePrepared,
    asPrepared,
    readySpare: embedded.readySpare,
    async close() {
      await pool.end();
      await embedded.close();
    },
  };
}
