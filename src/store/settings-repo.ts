import type pg from 'pg';
import { DEFAULT_SETTINGS, type ProgramSettings } from '../domain/ports.js';

export function createSettingsRepo(pool: pg.Pool) {
  async function get(program: string): Promise<ProgramSettings> {
    const row = (
      await pool.query<{ frequency_cap: number; frequency_window_days: number }>(
        'SELECT frequency_cap, frequency_window_days FROM program_settings WHERE program = $1',
        [program],
      )
    ).rows[0];
    return row
      ? { program, frequencyCap: row.frequency_cap, frequencyWindowDays: row.frequency_window_days }
      : { program, ...DEFAULT_SETTINGS };
  }

  async function put(s: ProgramSettings): Promise<ProgramSettings> {
    await pool.query(
      `INSERT INTO program_settings (program, frequency_cap, frequency_window_days) VALUES ($1, $2, $3)
       ON CONFLICT (program) DO UPDATE SET frequency_cap = EXCLUDED.frequency_cap,
         frequency_window_days = EXCLUDED.frequency_window_days, updated_at = now()`,
      [s.program, s.frequencyCap, s.frequencyWindowDays],
    );
    return s;
  }

  return { get, put };
}
export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
