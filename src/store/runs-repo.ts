import type pg from 'pg';
import type { ComposeAnswer, RunOrigin } from '../domain/compose.js';
import type { SubjectHistory } from '../domain/history.js';
import type { CaseDraft } from '../domain/safety.js';
import { inTwoFlights } from './pipelined-transaction.js';
import { insertHold, recordDecision } from './reviews-repo.js';
import { insertCases } from './safety-cases-repo.js';
import { isLearnerSkip, openSkip } from './skip-outcomes.js';
import { subjectLockOn, subjectLockSql } from './subject-lock.js';
import { CHAIN_HEAD_SQL, CHAIN_LOCK_SQL, chainRows, type TraceRecord, traceWriteSql } from './trace-repo.js';

export type RunRow = {
  answer: ComposeAnswer;
  /** `api` unless an eval suite started the run; eval runs stay out of the queue, metrics and figures. */
  origin?: RunOrigin;
  subjectId: string;
  program: string;
  durationMs: number;
  modelCalls: number;
  fallbacks: number;
};

const DAY_MS = 86_400_000;

/** A history row as json_agg gives it: times as JSON text, not Dates. */
type HistoryRow = {
  sent_at: string | null;
  created_at: string;
  channel: string | null;
  barrier: string | null;
  confidence: number | null;
  techniques: string[];
  block_ids: string[];
};

/** JSON renders a timestamptz in the session's zone and without the Z; the answer's times are ISO UTC. */
const isoTime = (t: string) => new Date(t).toISOString();

/** Messages counted as sent under the subject's lock: this programme's in its window, and every programme's in 7 days. */
export type SentCounts = { inWindow: number; lastWeek: number };

/**
 * The cap and the subject's weekly maximum, re-checked where they can hold: under the subject's lock,
 * with the counts of messages sent as of now. `settle` answers the run as it must be recorded (blocked
 * past a limit, with what the trace should add), or nothing when the approved answer still fits.
 */
export type CapRecheck = {
  windowDays: number;
  settle(sent: SentCounts): { answer: ComposeAnswer; trace: TraceRecord[] } | undefined;
};

/** Extra writes a run's transaction makes, beside the run itself. */
export type SaveExtras = {
  cap?: CapRecheck;
  /**
   * The caller's own statement in the run's transaction, sent with the locks before the run is written
   * (so it rides that round trip if it sends at once); throwing rolls the whole run back.
   */
  within?: (client: pg.PoolClient) => Promise<void>;
  /** Safety cases the run's findings open, written with the run or not at all. */
  cases?: CaseDraft[];
};

export type Decision = {
  reviewId: string;
  decision: 'approve' | 'reject';
  note: string | null;
  by: string;
  at: string;
};

/**
 * Unlinks an erased subject's runs, inside the erasure's transaction: held runs become blocked (the
 * message withdrawn); times, statuses, rules and block ids stay as the audit skeleton.
 */
export async function unlinkSubjectRuns(client: pg.PoolClient, subjectId: string) {
  const runs = (
    await client.query<{ id: string; trace_id: string }>(
      'SELECT id, trace_id FROM runs WHERE subject_id = $1 FOR UPDATE',
      [subjectId],
    )
  ).rows;
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
    [runs.map((r) => r.id)],
  );
  return runs.map((r) => ({ id: r.id, traceId: r.trace_id }));
}

/** The recent-runs columns as `recentRunsColumns` reads them. */
export type RecentRunsRow = { sent: number; rows: HistoryRow[] };

/**
 * How many messages were sent to the subject in the programme since the window's start, and its runs created
 * since then, as columns of a statement (subject, programme and start given as SQL expressions): the sent count
 * also covers runs created before the window and approved within it, which the history's rows do not.
 */
export const recentRunsColumns = (subject: string, program: string, since: string) =>
  `(SELECT count(*)::int FROM runs WHERE subject_id = ${subject} AND program = ${program} AND sent_at >= ${since}) AS sent,
   coalesce((SELECT json_agg(h) FROM (
     SELECT sent_at, created_at, channel, barrier, confidence, techniques, block_ids FROM runs
     WHERE subject_id = ${subject} AND program = ${program} AND created_at >= ${since} ORDER BY created_at DESC LIMIT 50) h),
     '[]') AS rows`;

export function toRecentRuns(read: RecentRunsRow): { sentInWindow: number; history: SubjectHistory } {
  const rows = read.rows;
  return {
    sentInWindow: read.sent,
    history: {
      recentMessages: rows
        .filter((r) => r.sent_at && r.channel)
        .map((r) => ({
          at: isoTime(r.sent_at!),
          channel: r.channel as SubjectHistory['recentMessages'][number]['channel'],
          barrier: r.barrier ?? 'none',
          techniques: r.techniques,
          blockIds: r.block_ids,
        })),
      recentBarriers: rows
        .filter((r) => r.barrier)
        .map((r) => ({ at: isoTime(r.created_at), barrier: r.barrier!, confidence: r.confidence ?? 0 })),
    },
  };
}

export function createRunsRepo(pool: pg.Pool) {
  /**
   * Writes the run, its trace, its review hold, its content gap, its safety cases and (when sent) its frequency mark in one
   * transaction of two round trips; an approved run is first re-checked against the cap under the subject's
   * lock. Answers the run as recorded.
   */
  async function saveRun(
    run: RunRow,
    trace: TraceRecord[],
    review?: { id: string; reason: string },
    contentGap?: { barrier: string; channel: string; locale: string } | null,
    extras: SaveExtras = {},
  ): Promise<ComposeAnswer> {
    const capped = run.answer.status === 'approved' && extras.cap ? extras.cap : undefined;
    const now = Date.now();
    return inTwoFlights(
      pool,
      // The first flight: the locks, the subject's before the chain's (finishReview's order), in one
      // statement; the counts and the chain's head read under them in the next; the caller's own statement
      // (an idempotency key completed), whose check decides before anything is written.
      async (client) => {
        const [, read] = await Promise.all([
          client.query(
            capped ? `SELECT ${subjectLockSql(1)}, ${CHAIN_LOCK_SQL}` : `SELECT ${CHAIN_LOCK_SQL}`,
            capped ? [run.subjectId] : [],
          ),
          client.query<{ in_window: number | null; last_week: number | null; head: string | null }>(
            capped
              ? `SELECT (SELECT count(*)::int FROM runs WHERE subject_id = $1 AND program = $2 AND sent_at >= $3) AS in_window,
                   (SELECT count(*)::int FROM runs WHERE subject_id = $1 AND sent_at >= $4) AS last_week,
                   ${CHAIN_HEAD_SQL} AS head`
              : `SELECT ${CHAIN_HEAD_SQL} AS head`,
            capped
              ? [run.subjectId, run.program, new Date(now - capped.windowDays * DAY_MS), new Date(now - 7 * DAY_MS)]
              : [],
          ),
          extras.within?.(client),
        ]);
        return read.rows[0]!;
      },
      // The second flight: the run with its trace in one statement, what goes with it, and COMMIT.
      (client, read) => {
        let a = run.answer;
        let records = trace;
        if (capped) {
          const settled = capped.settle({ inWindow: read.in_window ?? 0, lastWeek: read.last_week ?? 0 });
          if (settled) {
            a = settled.answer;
            records = [...trace, ...settled.trace];
          }
        }
        const chain = chainRows(a.traceId, records, read.head);
        const write = traceWriteSql(16, 17);
        const writes: Array<Promise<unknown>> = [
          client.query(
            `WITH saved_run AS (
               INSERT INTO runs (id, trace_id, subject_id, program, channel, status, barrier, confidence, techniques, block_ids,
                 answer, model_calls, fallbacks, duration_ms, sent_at, origin)
               VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14, CASE WHEN $6 = 'approved' THEN now() END, $15)
             ), ${write.cte}
             ${write.insert}`,
            [
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
              chain.rows,
              chain.personal,
            ],
          ),
        ];
        // A learner's choice to send nothing has an outcome too, or the skip arm would never learn.
        if (isLearnerSkip(a, run.subjectId)) {
          writes.push(
            openSkip(client, {
              runId: a.id,
              program: run.program,
              subjectId: run.subjectId!,
              barrier: a.diagnosis!.barrier,
            }),
          );
        }
        if (review) writes.push(insertHold(client, { id: review.id, runId: a.id, reason: review.reason }));
        // A gap an eval suite provoked is the suite's doing, not a programme's missing content.
        if (contentGap && run.origin !== 'eval') writes.push(countGap(client, run.program, contentGap));
        if (extras.cases?.length) writes.push(insertCases(client, extras.cases));
        return { value: a, writes };
      },
    );
  }

  /**
   * Records a reviewer's outcome: the run's answer, its sent mark and the steps since the hold. An
   * approval is re-checked against the cap under the subject's lock first. Answers the run as recorded.
   */
  async function finishReview(
    answer: ComposeAnswer,
    trace: TraceRecord[],
    firstStep: number,
    decision: Decision,
    cap?: CapRecheck,
  ): Promise<ComposeAnswer> {
    const capped = answer.status === 'approved' && cap ? cap : undefined;
    const now = Date.now();
    type Read = {
      subject_id: string | null;
      program: string | null;
      in_window: number | null;
      last_week: number | null;
      head: string | null;
    };
    return inTwoFlights(
      pool,
      // The locks in saveRun's order, the run's subject's (an approval re-checked) before the chain's; then,
      // under them, the run's owner, the counts as of now and the chain's head.
      async (client) => {
        const [, read] = await Promise.all([
          client.query(
            capped
              ? `SELECT ${subjectLockOn('(SELECT subject_id FROM runs WHERE id = $1)')}, ${CHAIN_LOCK_SQL}`
              : `SELECT ${CHAIN_LOCK_SQL}`,
            capped ? [answer.id] : [],
          ),
          client.query<Read>(
            `SELECT o.subject_id, o.program,
               ${
                 capped
                   ? `(SELECT count(*)::int FROM runs WHERE subject_id = o.subject_id AND program = o.program AND sent_at >= $2) AS in_window,
                      (SELECT count(*)::int FROM runs WHERE subject_id = o.subject_id AND sent_at >= $3) AS last_week,`
                   : 'NULL::int AS in_window, NULL::int AS last_week,'
               }
               ${CHAIN_HEAD_SQL} AS head
             FROM (SELECT $1::text AS id) k LEFT JOIN runs o ON o.id = k.id`,
            capped ? [answer.id, new Date(now - capped.windowDays * DAY_MS), new Date(now - 7 * DAY_MS)] : [answer.id],
          ),
        ]);
        return read.rows[0]!;
      },
      // The run's answer and sent mark, the decision and the steps since the hold, then COMMIT.
      (client, read) => {
        let a = answer;
        let records = trace;
        if (capped && read.subject_id) {
          const settled = capped.settle({ inWindow: read.in_window ?? 0, lastWeek: read.last_week ?? 0 });
          if (settled) {
            a = settled.answer;
            records = [...trace, ...settled.trace];
          }
        }
        const writes: Array<Promise<unknown>> = [
          client.query(
            `UPDATE runs SET status = $2, answer = $3, updated_at = now(),
               sent_at = CASE WHEN $2 = 'approved' THEN now() END WHERE id = $1`,
            [a.id, a.status, a],
          ),
          recordDecision(client, decision),
        ];
        if (records.length > 0) {
          const chain = chainRows(a.traceId, records, read.head, firstStep);
          const write = traceWriteSql(1, 2);
          writes.push(client.query(`WITH ${write.cte} ${write.insert}`, [chain.rows, chain.personal]));
        }
        return { value: a, writes };
      },
    );
  }

  async function getAnswer(id: string): Promise<ComposeAnswer | undefined> {
    return (await pool.query<{ answer: ComposeAnswer }>('SELECT answer FROM runs WHERE id = $1', [id])).rows[0]?.answer;
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

  async function contentGaps() {
    return (
      await pool.query<{
        program: string;
        barrier: string;
        channel: string;
        locale: string;
        count: number;
        last_seen: Date;
      }>(
        `SELECT program, barrier, channel, locale, count, last_seen FROM content_gaps
         ORDER BY count DESC, program, barrier, channel, locale`,
      )
    ).rows;
  }

  return { saveRun, finishReview, getAnswer, contentGaps };
}
export type RunsRepo = ReturnType<typeof createRunsRepo>;
