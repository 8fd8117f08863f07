import type pg from 'pg';
import { forgetRunKeys } from './idempotency-repo.js';
import { withdrawReviews } from './reviews-repo.js';
import { unlinkSubjectRuns } from './runs-repo.js';
import { erasePersonal } from './trace-repo.js';
import { inTransaction } from './transaction.js';

export type ErasureResult = { runs: number; personalRecords: number; reviewsWithdrawn: number; runIds: string[] };

/**
 * Erases a subject in one transaction, each table through the repository that owns it: their runs lose
 * the subject link and the redacted free text kept beside the trace chain, and held messages are
 * withdrawn. The audit skeleton (times, statuses, rules, block ids, the hash chain) stays and verifies.
 */
export function createErasureRepo(pool: pg.Pool) {
  async function eraseSubject(subjectId: string): Promise<ErasureResult> {
    return inTransaction(pool, async (client) => {
      const runs = await unlinkSubjectRuns(client, subjectId);
      const runIds = runs.map((r) => r.id);
      const personalRecords = await erasePersonal(
        client,
        runs.map((r) => r.traceId),
      );
      const reviewsWithdrawn = await withdrawReviews(client, runIds);
      await forgetRunKeys(client, runIds);
      return { runs: runIds.length, personalRecords, reviewsWithdrawn, runIds };
    });
  }
  return { eraseSubject };
}
export type ErasureRepo = ReturnType<typeof createErasureRepo>;
