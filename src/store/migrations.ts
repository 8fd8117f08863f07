import type pg from 'pg';
import { MIGRATIONS } from './migration-list.js';

// Processes starting together on one database (workers, or several hosts) take turns to migrate.
const MIGRATION_LOCK = 0x6e6f666d;

/** Applies the ordered migrations not yet recorded, each in its own transaction. */
export async function migrate(pool: pg.Pool): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  // Read again under the lock: another process may have applied it since this one looked.
  const locked = async <T>(fn: () => Promise<T>) => {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const result = await fn();
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    }
  };
  const recorded = async () =>
    new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
    );
  try {
    const done = await locked(async () => {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      return recorded();
    });
    for (const [index, m] of MIGRATIONS.entries()) {
      const version = index + 1;
      if (done.has(version)) continue;
      await locked(async () => {
        if ((await recorded()).has(version)) return;
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [version, m.name]);
        applied.push(version);
      });
    }
  } finally {
    client.release();
  }
  return applied;
}
