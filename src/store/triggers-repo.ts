import type pg from 'pg';
import type { Trigger } from '../domain/trigger.js';

export function createTriggersRepo(pool: pg.Pool) {
  async function get(program: string): Promise<Trigger[]> {
    return (
      (await pool.query<{ triggers: Trigger[] }>('SELECT triggers FROM program_triggers WHERE program = $1', [program]))
        .rows[0]?.triggers ?? []
    );
  }

  /** A PUT replaces the programme's whole list. */
  async function put(program: string, triggers: Trigger[]): Promise<Trigger[]> {
    await pool.query(
      `INSERT INTO program_triggers (program, triggers) VALUES ($1, $2)
       ON CONFLICT (program) DO UPDATE SET triggers = EXCLUDED.triggers, updated_at = now()`,
      [program, JSON.stringify(triggers)],
    );
    return triggers;
  }

  /** Sets a programme's triggers only when it has none yet (shipped defaults never overwrite a strategist's). */
  async function putIfAbsent(program: string, triggers: Trigger[]) {
    await pool.query('INSERT INTO program_triggers (program, triggers) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      program,
      JSON.stringify(triggers),
    ]);
  }

  /** Every listed programme's triggers, read once per batch of events. */
  async function forPrograms(client: pg.PoolClient, programs: string[]): Promise<Map<string, Trigger[]>> {
    const rows = (
      await client.query<{ program: string; triggers: Trigger[] }>(
        'SELECT program, triggers FROM program_triggers WHERE program = ANY($1::text[])',
        [programs],
      )
    ).rows;
    return new Map(rows.map((r) => [r.program, r.triggers]));
  }

  return { get, put, putIfAbsent, forPrograms };
}
export type TriggersRepo = ReturnType<typeof createTriggersRepo>;
