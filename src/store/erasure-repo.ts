import type pg from 'pg';
import { cancelSubjectDeliveries } from './deliveries-repo.js';
import { eraseSubjectEvents } from './events-repo.js';
import { forgetRunKeys } from './idempotency-repo.js';
import { forgetSubjectJobs } from './jobs-repo.js';
import { forgetSubjectOutbox } from './outbox-repo.js';
import { unlinkSubjectOutcomes } from './outcomes-repo.js';
import { withdrawReviews } from './reviews-repo.js';
import { unlinkSubjectRuns } from './runs-repo.js';
import { countSubjectCases } from './safety-cases-repo.js';
import { eraseSubjectRow } from './subjects-repo.js';
import { erasePersonal } from './trace-repo.js';
import { inTransaction } from './transaction.js';

export type ErasureResult = {
  runs: number;
  personalRecords: number;
  reviewsWithdrawn: number;
  runIds: string[];
  profile: boolean;
  events: number;
  scheduledRunsCancelled: number;
  deliveriesCancelled: number;
  /** Safety cases of the subject, kept whole: a legal duty to keep safety records outranks erasure. */
  safetyCasesKept: number;
};

/**
 * Erases a subject in one transaction, each table through the repository that owns it: their runs lose
 * the subject link and the redacted free text kept beside the trace chain, and held messages are
 * withdrawn; the stored profile and the event timeline go; waiting runs and webhook posts are cancelled;
 * outbox entries and outcomes keep the approved message and the counts, no longer linked to the subject.
 * The audit skeleton (times, statuses, rules, block ids, the hash chain) stays and verifies. Safety cases
 * stay whole (subject reference, narrative, history): pharmacovigilance must be able to follow them up.
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
      const profile = (await eraseSubjectRow(client, subjectId)) > 0;
      const events = await eraseSubjectEvents(client, subjectId);
      const scheduledRunsCancelled = await forgetSubjectJobs(client, subjectId);
      const deliveriesCancelled = await cancelSubjectDeliveries(client, subjectId);
      await forgetSubjectOutbox(client, subjectId);
      await unlinkSubjectOutcomes(client, subjectId);
      const safetyCasesKept = await countSubjectCases(client, subjectId);
      return {
        runs: runIds.length,
        personalRecords,
        reviewsWithdrawn,
        runIds,
        profile,
        events,
        scheduledRunsCancelled,
        deliveriesCancelled,
        safetyCasesKept,
      };
    });
  }
  return { eraseSubject };
}
export type ErasureRepo = ReturnType<typeof createErasureRepo>;
