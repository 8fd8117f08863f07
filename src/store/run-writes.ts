import type pg from 'pg';
import type { ComposeAnswer, RunOrigin } from '../domain/compose.js';
import type { CaseDraft } from '../domain/safety.js';
import { insertHold } from './reviews-repo.js';
import { insertCases } from './safety-cases-repo.js';
import { isLearnerSkip, openSkip } from './skip-outcomes.js';

/** What a run's save writes besides its answer: who and what it was for, and what it cost. */
export type RunFacts = {
  subjectId: string;
  program: string;
  /** `api` unless an eval suite started the run; eval runs stay out of the queue, metrics and figures. */
  origin?: RunOrigin;
  durationMs: number;
  modelCalls: number;
  fallbacks: number;
};

/**
 * The run's row as a CTE (`saved_run`) for a statement that also writes its trace, with its 15 parameters
 * ($1 to $15; the trace's come after). Sent now when approved.
 */
export function runInsert(a: ComposeAnswer, run: RunFacts) {
  return {
    cte: `saved_run AS (
       INSERT INTO runs (id, trace_id, subject_id, program, channel, status, barrier, confidence, techniques, block_ids,
         answer, model_calls, fallbacks, duration_ms, sent_at, origin)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14, CASE WHEN $6 = 'approved' THEN now() END, $15)
     )`,
    params: [
      a.id,
      a.traceId,
      run.subjectId,
      run.program,
      a.message?.channel ?? null,
      a.status,
      a.diagnosis?.barrier ?? null,
      a.diagnosis?.confidence ?? null,
      a.strategy?.techniques.map((t) => t.code) ?? [],
      a.message?.blocks.map((b) => b.id) ?? [],
      a,
      run.modelCalls,
      run.fallbacks,
      run.durationMs,
      run.origin ?? 'api',
    ] as unknown[],
  };
}

/** What a run's save writes beside the run and its trace, in the run's transaction. */
export type RunCompanions = {
  review?: { id: string; reason: string };
  contentGap?: { barrier: string; channel: string; locale: string } | null;
  /** Safety cases the run's findings open, written with the run or not at all. */
  cases?: CaseDraft[];
};

/** Sends (at once, for a pipelined flight) the writes that go with the run: skip outcome, hold, gap, cases. */
export function companionWrites(
  client: pg.PoolClient,
  a: ComposeAnswer,
  run: RunFacts,
  { review, contentGap, cases }: RunCompanions,
): Array<Promise<unknown>> {
  const writes: Array<Promise<unknown>> = [];
  // A learner's choice to send nothing has an outcome too, or the skip arm would never learn.
  if (isLearnerSkip(a, run.subjectId)) {
    writes.push(
      openSkip(client, { runId: a.id, program: run.program, subjectId: run.subjectId, barrier: a.diagnosis!.barrier }),
    );
  }
  if (review) writes.push(insertHold(client, { id: review.id, runId: a.id, reason: review.reason }));
  // A gap an eval suite provoked is the suite's doing, not a programme's missing content.
  if (contentGap && run.origin !== 'eval') writes.push(countGap(client, run.program, contentGap));
  if (cases?.length) writes.push(insertCases(client, cases));
  return writes;
}

/** Counted with the run that found it, in the run's transaction. */
async function countGap(
  client: pg.PoolClient,
  program: string,
  gap: { barrier: string; channel: string; locale: string },
) {
  await client.query(
    `INSERT INTO content_gaps (program, barrier, channel, locale, count) VALUES ($1, $2, $3, $4, 1)
     ON CONFLICT (program, barrier, channel, locale) DO UPDATE SET count = content_gaps.count + 1, last_seen = now()`,
    [program, gap.barrier, gap.channel, gap.locale],
  );
}
