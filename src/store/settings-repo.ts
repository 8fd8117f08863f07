import type pg from 'pg';
import { DEFAULT_SETTINGS, type LearningMode, type OutcomeSettings, type ProgramSettings } from '../domain/ports.js';

/** Each listed programme's outcome target types, read on the caller's connection (inside its transaction). */
export async function outcomeTargets(client: pg.PoolClient, programs: string[]): Promise<Map<string, Set<string>>> {
  const rows = (
    await client.query<{ program: string; targets: string[] | null }>(
      `SELECT program, ARRAY(SELECT jsonb_array_elements_text(outcomes->'targets')) AS targets
       FROM program_settings WHERE program = ANY($1::text[]) AND outcomes IS NOT NULL`,
      [programs],
    )
  ).rows;
  return new Map(rows.map((r) => [r.program, new Set(r.targets ?? [])]));
}

/** A programme's settings row as `SETTINGS_COLUMNS` reads it. */
export type SettingsRow = {
  frequency_cap: number;
  frequency_window_days: number;
  outcomes: OutcomeSettings | null;
  webhook_url: string | null;
  learning: LearningMode;
  safety_report_hours: number | null;
};

/** The columns of program_settings a programme's settings are read from (prefixed by a table alias when given). */
export const settingsColumns = (alias = '') =>
  ['frequency_cap', 'frequency_window_days', 'outcomes', 'webhook_url', 'learning', 'safety_report_hours']
    .map((c) => `${alias}${c}`)
    .join(', ');

/** The programme's settings from its row, or the defaults when it has none. */
export function toSettings(program: string, row: SettingsRow | undefined): ProgramSettings {
  return row
    ? {
        program,
        frequencyCap: row.frequency_cap,
        frequencyWindowDays: row.frequency_window_days,
        outcomes: row.outcomes,
        webhookUrl: row.webhook_url,
        learning: row.learning,
        safetyReportHours: row.safety_report_hours,
      }
    : { program, ...DEFAULT_SETTINGS, outcomes: null, webhookUrl: null, safetyReportHours: null };
}

export function createSettingsRepo(pool: pg.Pool) {
  async function get(program: string): Promise<ProgramSettings> {
    const row = (
      await pool.query<SettingsRow>(`SELECT ${settingsColumns()} FROM program_settings WHERE program = $1`, [program])
    ).rows[0];
    return toSettings(program, row);
  }

  async function put(s: ProgramSettings): Promise<ProgramSettings> {
    const full = {
      ...s,
      outcomes: s.outcomes ?? null,
      webhookUrl: s.webhookUrl ?? null,
      learning: s.learning ?? DEFAULT_SETTINGS.learning,
      safetyReportHours: s.safetyReportHours ?? null,
    };
    await pool.query(
      `INSERT INTO program_settings (program, frequency_cap, frequency_window_days, outcomes, webhook_url, learning,
         safety_report_hours)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (program) DO UPDATE SET frequency_cap = EXCLUDED.frequency_cap,
         frequency_window_days = EXCLUDED.frequency_window_days, outcomes = EXCLUDED.outcomes,
         webhook_url = EXCLUDED.webhook_url, learning = EXCLUDED.learning,
         safety_report_hours = EXCLUDED.safety_report_hours, updated_at = now()`,
      [
        full.program,
        full.frequencyCap,
        full.frequencyWindowDays,
        full.outcomes,
        full.webhookUrl,
        full.learning,
        full.safetyReportHours,
      ],
    );
    return full;
  }

  return { get, put };
}
export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
