import { randomBytes } from 'node:crypto';
import type pg from 'pg';

const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/**
 * Per-programme signing secrets. They must be readable to sign, so they are stored as they are (a
 * deployment wanting more wraps this table with its KMS); they leave the service only once, when made.
 */
export function createWebhookSecretsRepo(pool: pg.Pool) {
  /** The secrets a post is signed with: the current one, and the previous one while its overlap lasts. */
  async function active(program: string): Promise<string[]> {
    const row = (
      await pool.query<{ secret: string; previous: string | null }>(
        `SELECT secret, CASE WHEN previous_until > now() THEN previous_secret END AS previous
         FROM program_webhook_secrets WHERE program = $1`,
        [program],
      )
    ).rows[0];
    return row ? [row.secret, ...(row.previous ? [row.previous] : [])] : [];
  }

  /** Makes the programme's first secret; undefined when it already has one (shown once, never again). */
  async function ensure(program: string): Promise<string | undefined> {
    const secret = newSecret();
    const r = await pool.query(
      'INSERT INTO program_webhook_secrets (program, secret) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [program, secret],
    );
    return r.rowCount ? secret : undefined;
  }

  /** A new secret; the old one still signs alongside it for `overlapMs`, so receivers can switch over. */
  async function rotate(
    program: string,
    overlapMs: number,
  ): Promise<{ secret: string; previousValidUntil: string | null }> {
    const secret = newSecret();
    const row = (
      await pool.query<{ previous_until: Date | null }>(
        `INSERT INTO program_webhook_secrets AS s (program, secret) VALUES ($1, $2)
         ON CONFLICT (program) DO UPDATE SET previous_secret = s.secret,
           previous_until = now() + make_interval(secs => $3::double precision / 1000),
           secret = EXCLUDED.secret, rotated_at = now()
         RETURNING previous_until`,
        [program, secret, overlapMs],
      )
    ).rows[0]!;
    return { secret, previousValidUntil: row.previous_until?.toISOString() ?? null };
  }

  return { active, ensure, rotate };
}
export type WebhookSecretsRepo = ReturnType<typeof createWebhookSecretsRepo>;
