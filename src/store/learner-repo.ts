import type pg from 'pg';
import type { CountRow } from '../../agents/learning/count-rows.js';
import { fromCountRows } from '../../agents/learning/count-rows.js';
import type { LearnerSource } from '../../agents/learning/learner-source.js';
import type { LearnerState } from '../../agents/learning/outcome-counts.js';
import type { Barrier, Channel } from '../domain/block.js';

type Row = { subject_id: string | null; barrier: Barrier; technique: string; channel: Channel; a: string; n: string };

/**
 * A message's arm is its barrier, its first (leading) technique and its channel; a learner's skip is the
 * barrier's send-nothing arm (skip-outcomes.ts). Only decided outcomes of
 * known subjects count: an anonymous visitor's message can never be achieved, and an erased subject's
 * outcomes are unlinked (subject_id NULL), so neither moves anyone's choice.
 */
const SUBJECT_COUNTS = `SELECT subject_id, barrier, techniques[1] AS technique, channel,
    count(*) FILTER (WHERE outcome = 'achieved') AS a, count(*) FILTER (WHERE outcome = 'not_achieved') AS n
  FROM message_outcomes
  WHERE subject_id = $2 AND program = $1 AND outcome IN ('achieved', 'not_achieved') AND cardinality(techniques) > 0
  GROUP BY subject_id, barrier, techniques[1], channel
  UNION ALL
  SELECT subject_id, barrier, 'skip', '', count(*) FILTER (WHERE outcome = 'achieved'),
    count(*) FILTER (WHERE outcome = 'not_achieved')
  FROM skip_outcomes WHERE subject_id = $2 AND program = $1 AND outcome IN ('achieved', 'not_achieved')
  GROUP BY subject_id, barrier`;

const toRow = (scope: CountRow['scope'], r: Row): CountRow => ({
  scope,
  subject: scope === 'subject' ? r.subject_id : null,
  barrier: r.barrier,
  technique: r.technique,
  // A skip (outcome_counts and skip_outcomes name it technique 'skip' on no channel) is the send-nothing arm.
  channel: r.technique === 'skip' ? null : r.channel,
  block: null,
  achieved: Number(r.a),
  notAchieved: Number(r.n),
});

/**
 * The learner's state for one compose, read from stored outcomes: the programme's counts (from the counts
 * the database keeps, outcome_counts; kept per process for `ttlMs`) and the subject's own (an indexed read
 * of their rows, never cached, so their latest outcome counts at once).
 */
export function createLearnerRepo(pool: pg.Pool, opts: { ttlMs?: number; now?: () => number } = {}) {
  const ttlMs = opts.ttlMs ?? 30_000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, { at: number; rows: Promise<CountRow[]> }>();

  function programmeRows(program: string): Promise<CountRow[]> {
    const hit = cache.get(program);
    if (hit && now() - hit.at < ttlMs) return hit.rows;
    const rows = pool
      .query<Row>(
        `SELECT barrier, technique, channel, sum(achieved) AS a, sum(not_achieved) AS n FROM outcome_counts
         WHERE program = $1 AND known AND technique <> '' GROUP BY barrier, technique, channel
         HAVING sum(achieved) + sum(not_achieved) > 0`,
        [program],
      )
      .then((r) => r.rows.map((row) => toRow('programme', { ...row, subject_id: null })));
    rows.catch(() => cache.delete(program));
    cache.set(program, { at: now(), rows });
    return rows;
  }

  async function subjectRows(program: string, subject: string): Promise<CountRow[]> {
    const r = await pool.query<Row>(SUBJECT_COUNTS, [program, subject]);
    return r.rows.map((row) => toRow('subject', row));
  }

  async function state(program: string, subject?: string): Promise<LearnerState> {
    const [programme, own] = await Promise.all([
      programmeRows(program),
      subject === undefined ? [] : subjectRows(program, subject),
    ]);
    return fromCountRows([...programme, ...own]);
  }

  /** Drops the cached programme counts (after an erasure, so the subject's outcomes stop counting here at once). */
  function forget() {
    cache.clear();
  }

  return { state, forget } satisfies LearnerSource & { forget(): void };
}
