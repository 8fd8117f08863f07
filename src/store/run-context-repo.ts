import type pg from 'pg';
import { DEFAULT_SETTINGS, type RunContextRead, type RunContextSource } from '../domain/ports.js';
import { type EngagementRow, engagementColumns, toEngagement } from './outcomes-repo.js';
import { type RecentRunsRow, recentRunsColumns, toRecentRuns } from './runs-repo.js';
import { type SettingsRow, settingsColumns, toSettings } from './settings-repo.js';

type Row = Partial<SettingsRow> & { configured: string | null } & RecentRunsRow & Partial<EngagementRow>;

/**
 * What `load_context` reads before a run composes, in one statement: the programme's settings (the defaults when
 * it has none), the subject's runs in the frequency window those settings name, and, when asked, the subject's
 * engagement. Three statements before (the window had to be known before the runs could be read): each costs the
 * embedded store a parse, a plan and a round trip, and in worker mode the one session is what every process waits
 * for. Each part is the owning repository's own SQL and mapping; one snapshot reads them all.
 */
export function createRunContextRepo(pool: pg.Pool): RunContextSource {
  async function read(subjectId: string, program: string, opts: { engagement: boolean }): Promise<RunContextRead> {
    const row = (
      await pool.query<Row>(
        `SELECT s.program AS configured, ${settingsColumns('s.')}, ${recentRunsColumns('$1', '$2', 'w.window_start')}
           ${opts.engagement ? `, ${engagementColumns('$1', '$2')}` : ''}
         FROM (SELECT $2::text AS program) k
         LEFT JOIN program_settings s ON s.program = k.program,
         LATERAL (SELECT $3::timestamptz - make_interval(hours => 24 * coalesce(s.frequency_window_days, $4::int))
           AS window_start) w`,
        [subjectId, program, new Date(), DEFAULT_SETTINGS.frequencyWindowDays],
      )
    ).rows[0]!;
    const settings = toSettings(program, row.configured === null ? undefined : (row as SettingsRow));
    return {
      settings,
      ...toRecentRuns(row),
      ...(opts.engagement ? { engagement: toEngagement(row as EngagementRow) } : {}),
    };
  }
  return { read };
}
