import type pg from 'pg';
import { inTransaction } from './transaction.js';

export type ErasureResult = { runs: number; personalRecords: number; reviewsWithdrawn: number; runIds: string[] };

/**
 * Erases a subject: their runs lose the subject link and the redacted free text kept beside the
 * trace chain, and held messages are withdrawn. The audit skeleton (times, statuses, rules, block
 * ids, the hash chain) stays and still verifies.
 */
export function createErasureRepo(pool: pg.Pool) {
  async function eraseSubject(subjectId: string): Promise<ErasureResult> {
    return inTransaction(pool, async (client) => {
      const runs = (
        await client.query<{ id: string; trace_id: string }>(
          'SELECT id, trace_id FROM runs WHERE subject_id = $1 FOR UPDATE',
          [subjectId],
        )
      ).rows;
      const runIds = runs.map((r) => r.id);
      const personal = await client.query('DELETE FROM trace_personal WHERE trace_id = ANY($1::text[])', [
        runs.map((r) => r.trace_id),
      ]);
      const withdrawn = await client.query(
        "UPDATE reviews SET status = 'withdrawn', decided_at = now(), decided_by = 'erasure' WHERE run_id = ANY($1::text[]) AND status IN ('pending', 'deciding')",
        [runIds],
      );
      await client.query(
        `UPDATE runs SET subject_id = NULL, updated_at = now(),
           status = CASE WHEN status = 'needs_review' THEN 'blocked' ELSE status END,
           answer = CASE WHEN status = 'needs_review' THEN
             answer || jsonb_build_object('status', 'blocked', 'message', NULL, 'compliance', jsonb_build_object(
               'verdict', 'fail',
               'checks', (answer->'compliance'->'checks') || jsonb_build_array(jsonb_build_object(
                 'rule', 'review', 'passed', false, 'detail', 'withdrawn: the subject was erased before a reviewer decided'))))
             ELSE answer END
         WHERE id = ANY($1::text[])`,
        [runIds],
      );
      await client.query('DELETE FROM idempotency_keys WHERE run_id = ANY($1::text[])', [runIds]);
      return {
        runs: runIds.length,
        personalRecords: personal.rowCount ?? 0,
        reviewsWithdrawn: withdrawn.rowCount ?? 0,
        runIds,
      };
    });
  }
  return { eraseSubject };
}
export type ErasureRepo = ReturnType<typeof createErasureRepo>;
