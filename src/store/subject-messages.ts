import type pg from 'pg';
import type { ComposeAnswer } from '../domain/compose.js';

export type SubjectMessage = { answer: ComposeAnswer; outcome: string | null; createdAt: string };

/** A subject's runs (composed or triggered), newest first, keyset-paginated, with each sent message's outcome (and each learner's skip's: what followed sending nothing). */
export function createSubjectMessages(pool: pg.Pool) {
  return async function list(
    subjectId: string,
    limit: number,
    before?: { at: string; id: string },
  ): Promise<SubjectMessage[]> {
    const rows = (
      await pool.query<{ answer: ComposeAnswer; outcome: string | null; created_at: Date }>(
        `SELECT r.answer, coalesce(m.outcome, k.outcome) AS outcome, r.created_at FROM runs r
           LEFT JOIN message_outcomes m ON m.run_id = r.id LEFT JOIN skip_outcomes k ON k.run_id = r.id
         WHERE r.subject_id = $1 AND ($2::timestamptz IS NULL OR (r.created_at, r.id) < ($2::timestamptz, $3::text))
         ORDER BY r.created_at DESC, r.id DESC LIMIT $4`,
        [subjectId, before?.at ?? null, before?.id ?? '', limit],
      )
    ).rows;
    return rows.map((r) => ({ answer: r.answer, outcome: r.outcome, createdAt: r.created_at.toISOString() }));
  };
}
export type SubjectMessages = ReturnType<typeof createSubjectMessages>;
