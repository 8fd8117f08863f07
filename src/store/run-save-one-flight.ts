import type pg from 'pg';
import type { ComposeAnswer } from '../domain/compose.js';
import { chainPiecesOf, linkedTraceWriteSql } from './chain-in-sql.js';
import { inOneFlight } from './pipelined-transaction.js';
import { refuseSql } from './refusal.js';
import { companionWrites, type RunCompanions, type RunFacts, runInsert } from './run-writes.js';
import { subjectLockSql } from './subject-lock.js';
import { CHAIN_LOCK_SQL, type TraceRecord } from './trace-repo.js';

const DAY_MS = 86_400_000;

/**
 * The limits an approved run must still fit under the subject's lock: the counts of sent messages at
 * which it may no longer be sent (this programme's in its window; every programme's in 7 days, when the
 * subject set a weekly maximum). The same condition `CapRecheck.settle` decides on.
 */
export type CapLimits = {
  windowDays: number;
  reachedAt: { inWindow: number; lastWeek: number | null };
};

export type OneFlightSave = {
  answer: ComposeAnswer;
  run: RunFacts;
  trace: TraceRecord[];
  companions: RunCompanions;
  /** Given for an approved run: a limit reached meanwhile refuses the save (`capReached`), nothing written. */
  cap?: CapLimits;
  /** The caller's statement, sent at once; its check must raise in SQL, since COMMIT is already on the wire. */
  within?: (client: pg.PoolClient) => Promise<void>;
};

/** Raises `capReached` when the counts taken under the subject's lock (an earlier statement) reach a limit. */
const CAP_CHECK_SQL = `SELECT ${refuseSql('capReached', 'a limit was reached by runs recorded meanwhile')}
  WHERE (SELECT count(*)::int FROM runs WHERE subject_id = $1 AND program = $2 AND sent_at >= $3) >= $4::int
     OR (SELECT count(*)::int FROM runs WHERE subject_id = $1 AND sent_at >= $5) >= $6::int`;

/**
 * Writes a run as it stands in one round trip: BEGIN, the locks (the subject's before the chain's, the
 * order every run's save and a review's decision take them), the caller's statement, the cap's check,
 * the run with its trace linked by the store from the head it reads under the chain lock, what goes
 * with the run, and COMMIT. With the embedded store the session is held only while the store executes,
 * never while this process is busy elsewhere. Any check failing rolls it all back and throws its error.
 */
export async function saveInOneFlight(pool: pg.Pool, save: OneFlightSave): Promise<void> {
  const { answer: a, run, cap } = save;
  const now = Date.now();
  const chain = chainPiecesOf(a.traceId, save.trace);
  const row = runInsert(a, run);
  const trace = linkedTraceWriteSql(row.params.length + 1, row.params.length + 2);
  await inOneFlight(pool, (client) => [
    client.query(
      cap ? `SELECT ${subjectLockSql(1)}, ${CHAIN_LOCK_SQL}` : `SELECT ${CHAIN_LOCK_SQL}`,
      cap ? [run.subjectId] : [],
    ),
    ...(save.within ? [save.within(client)] : []),
    ...(cap
      ? [
          client.query(CAP_CHECK_SQL, [
            run.subjectId,
            run.program,
            new Date(now - cap.windowDays * DAY_MS),
            cap.reachedAt.inWindow,
            new Date(now - 7 * DAY_MS),
            cap.reachedAt.lastWeek,
          ]),
        ]
      : []),
    client.query(`WITH RECURSIVE ${row.cte}, ${trace.ctes} ${trace.insert}`, [
      ...row.params,
      chain.pieces,
      chain.personal,
    ]),
    ...companionWrites(client, a, run, save.companions),
  ]);
}
