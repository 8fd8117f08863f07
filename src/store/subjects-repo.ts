import type pg from 'pg';
import type { Channel } from '../domain/block.js';
import type { Preferences, StoredSubject, SubjectProfile } from '../domain/subject.js';

type Row = {
  id: string;
  audience: string | null;
  consents: Record<string, boolean>;
  withdrawn: Partial<Record<Channel, string>>;
  timezone: string | null;
  locale: string | null;
  preferences: Preferences;
  informed_choice_at: Date | null;
  updated_at: Date;
};

const toSubject = (r: Row): StoredSubject => ({
  id: r.id,
  audience: r.audience,
  consents: r.consents,
  withdrawn: r.withdrawn,
  ...(r.timezone ? { timezone: r.timezone } : {}),
  ...(r.locale ? { locale: r.locale } : {}),
  preferences: r.preferences,
  informedChoiceAt: r.informed_choice_at?.toISOString() ?? null,
  updatedAt: r.updated_at.toISOString(),
});

/** Erasure's statement for this table, inside its transaction. */
export async function eraseSubjectRow(client: pg.PoolClient, subjectId: string): Promise<number> {
  return (await client.query('DELETE FROM subjects WHERE id = $1', [subjectId])).rowCount ?? 0;
}

/**
 * Withdraws channels at once (an unsubscribe or a STOP reply), in the events' transaction. A subject first
 * seen this way gets a row holding only the withdrawal, so a later compose still honours it.
 */
export async function withdrawConsents(
  client: pg.PoolClient,
  withdrawals: Array<{ subjectId: string; channel: string; at: string }>,
) {
  if (!withdrawals.length) return;
  await client.query(
    `INSERT INTO subjects AS s (id, consents, withdrawn)
     SELECT w.id, jsonb_object_agg(w.channel, false), jsonb_object_agg(w.channel, w.at)
     FROM unnest($1::text[], $2::text[], $3::text[]) AS w (id, channel, at) GROUP BY w.id
     ON CONFLICT (id) DO UPDATE SET consents = s.consents || EXCLUDED.consents,
       withdrawn = s.withdrawn || EXCLUDED.withdrawn, updated_at = now()`,
    [withdrawals.map((w) => w.subjectId), withdrawals.map((w) => w.channel), withdrawals.map((w) => w.at)],
  );
}

/** Stored subjects by id, read on the caller's connection (inside its transaction). */
export async function subjectsById(db: pg.Pool | pg.PoolClient, ids: string[]): Promise<Map<string, StoredSubject>> {
  if (!ids.length) return new Map();
  const rows = (await db.query<Row>('SELECT * FROM subjects WHERE id = ANY($1::text[])', [ids])).rows;
  return new Map(rows.map((r) => [r.id, toSubject(r)]));
}

export function createSubjectsRepo(pool: pg.Pool) {
  async function get(id: string): Promise<StoredSubject | undefined> {
    const row = (await pool.query<Row>('SELECT * FROM subjects WHERE id = $1', [id])).rows[0];
    return row && toSubject(row);
  }

  /**
   * Stores the profile (a PUT replaces it). A channel the PUT consents to again clears its withdrawal: the
   * client records a new opt-in. The informed choice keeps the time it was first recorded.
   */
  async function put(id: string, profile: SubjectProfile): Promise<{ subject: StoredSubject; newChoice: boolean }> {
    const regranted = Object.entries(profile.consents)
      .filter(([, v]) => v)
      .map(([k]) => k);
    const choice = profile.preferences.informedChoice !== undefined;
    const before = await pool.query<{ had: boolean }>(
      'SELECT informed_choice_at IS NOT NULL AS had FROM subjects WHERE id = $1',
      [id],
    );
    const row = (
      await pool.query<Row>(
        `INSERT INTO subjects AS s (id, audience, consents, timezone, locale, preferences, informed_choice_at)
         VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7 THEN now() END)
         ON CONFLICT (id) DO UPDATE SET audience = EXCLUDED.audience,
           consents = EXCLUDED.consents || (SELECT coalesce(jsonb_object_agg(k, false), '{}'::jsonb)
             FROM jsonb_object_keys(s.withdrawn) k WHERE NOT k = ANY($8::text[])),
           withdrawn = s.withdrawn - $8::text[],
           timezone = EXCLUDED.timezone, locale = EXCLUDED.locale, preferences = EXCLUDED.preferences,
           informed_choice_at = CASE WHEN $7 THEN coalesce(s.informed_choice_at, now()) END, updated_at = now()
         RETURNING *`,
        [
          id,
          profile.audience ?? null,
          profile.consents,
          profile.timezone ?? null,
          profile.locale ?? null,
          profile.preferences,
          choice,
          regranted,
        ],
      )
    ).rows[0]!;
    return { subject: toSubject(row), newChoice: choice && !before.rows[0]?.had };
  }

  return { get, put };
}
export type SubjectsRepo = ReturnType<typeof createSubjectsRepo>;
