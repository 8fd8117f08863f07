import type pg from 'pg';
import type { ComposeAnswer } from '../domain/compose.js';
import type { SubjectHistory } from '../domain/history.js';
import type { CaseDraft } from '../domain/safety.js';
import { inTwoFlights } from './pipelined-transaction.js';
import { isRefusal } from './refusal.js';
import { recordDecision } from './reviews-repo.js';
import { type CapLimits, saveInOneFlight } from './run-save-one-flight.js';
import { companionWrites, type RunCompanions, type RunFacts, runInsert } from './run-writes.js';
import { subjectLockOn, subjectLockSql } from './subject-lock.js';
import { CHAIN_HEAD_SQL, CHAIN_LOCK_SQL, chainRows, type TraceRecord, traceWriteSql } from './trace-repo.js';

export type RunRow = RunFacts & { answer: ComposeAnswer };

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
 * past a limit, with what the trace should add), or nothing when the approved answer still fits;
 * `reachedAt` names the counts from which it blocks, for the one-flight save to check in SQL first.
 */
export type CapRecheck = CapLimits & {
  settle(sent: SentCounts): { answer: ComposeAnswer; trace: TraceRecord[] } | undefined;
};

/** Extra writes a run's transaction makes, beside the run itself. */
export type SaveExtras = {
  cap?: CapRecheck;
  /**
   * The caller's own statement in the run's transaction, sent with the locks before the run is written;
   * it must send at once and make its check raise in SQL (the run's save is one flight: COMMIT is on the
   * wire before its answer arrives). Its error rolls the whole run back and is the one saveRun throws.
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

export function createRunsRepo(pool: pg.Pool) {
  /**
   * Writes the run, its trace, its review hold, its content gap, its safety cases and (when sent) its
   * frequency mark in one transaction, sent in one round trip (run-save-one-flight.ts); an approved run is
   * re-checked against the cap under the subject's lock inside it. When the cap was reached meanwhile, that
   * transaction rolls back and the run is recorded as the counts now decide, in two round trips. Answers
   * the run as recorded.
   */
  async function saveRun(
    run: RunRow,
    trace: TraceRecord[],
    review?: { id: string; reason: string },
    contentGap?: { barrier: string; channel: string; locale: string } | null,
    extras: SaveExtras = {},
  ): Promise<ComposeAnswer> {
    const capped = run.answer.status === 'approved' && extras.cap ? extras.cap : undefined;
    const companions = { review, contentGap, cases: extras.cases };
    try {
      await saveInOneFlight(pool, { answer: run.answer, run, trace, companions, cap: capped, within: extras.within });
      return run.answer;
    } catch (err) {
      if (!capped || !isRefusal(err, 'capReached')) throw err;
    }
    return settleInTwoFlights(run, trace, companions, capped, extras.within);
  }

  /**
   * An approved run the cap's check refused, recorded as `settle` answers on the counts read under the
   * subject's lock: the locks, the counts and the chain's head in the first flight (with the caller's own
   * statement, whose check decides before anything is written); the run, its trace, what goes with it and
   * COMMIT in the second.
   */
  async function settleInTwoFlights(
    run: RunRow,
    trace: TraceRecord[],
    companions: RunCompanions,
    capped: CapRecheck,
    within: SaveExtras['within'],
  ): Promise<ComposeAnswer> {
    const now = Date.now();
    return inTwoFlights(
      pool,
      async (client) => {
        const [, read] = await Promise.all([
          client.query(`SELECT ${subjectLockSql(1)}, ${CHAIN_LOCK_SQL}`, [run.subjectId]),
          client.query<{ in_window: number | null; last_week: number | null; head: string | null }>(
            `SELECT (SELECT count(*)::int FROM runs WHERE subject_id = $1 AND program = $2 AND sent_at >= $3) AS in_window,
               (SELECT count(*)::int FROM runs WHERE subject_id = $1 AND sent_at >= $4) AS last_week,
               ${CHAIN_HEAD_SQL} AS head`,
            [run.subjectId, run.program, new Date(now - capped.windowDays * DAY_MS), new Date(now - 7 * DAY_MS)],
          ),
          within?.(client),
        ]);
        return read.rows[0]!;
      },
      (client, read) => {
        let a = run.answer;
        let records = trace;
        const settled = capped.settle({ inWindow: read.in_window ?? 0, lastWeek: read.last_week ?? 0 });
        if (settled) {
          a = settled.answer;
          records = [...trace, ...settled.trace];
        }
        const chain = chainRows(a.traceId, records, read.head);
        const row = runInsert(a, run);
        const write = traceWriteSql(16, 17);
        const writes = [
          client.query(`WITH ${row.cte}, ${write.cte} ${write.insert}`, [...row.params, chain.rows, chain.personal]),
          ...companionWrites(client, a, run, companions),
        ];
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

  /**
   * What earlier runs say about the subject (ids, times and codes only, never message text) and how many
   * messages were sent in the window, in one round trip: the sent count also covers runs created before
   * the window and approved within it, which the history's rows do not.
   */
  async function recentRuns(
    subjectId: string,
    program: string,
    windowDays: number,
  ): Promise<{ sentInWindow: number; history: SubjectHistory }> {
    const since = new Date(Date.now() - windowDays * DAY_MS);
    const read = (
      await pool.query<{ sent: number; rows: HistoryRow[] }>(
        `SELECT (SELECT count(*)::int FROM runs WHERE subject_id = $1 AND program = $2 AND sent_at >= $3) AS sent,
           coalesce((SELECT json_agg(h) FROM (
             SELECT sent_at, created_at, channel, barrier, confidence, techniques, block_ids FROM runs
             WHERE subject_id = $1 AND program = $2 AND created_at >= $3 ORDER BY created_at DESC LIMIT 50) h), '[]') AS rows`,
        [subjectId, program, since],
      )
    ).rows[0]!;
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

  return { saveRun, finishReview, getAnswer, recentRuns, contentGaps };
}
export type RunsRepo = ReturnType<typeof createRunsRepo>;
