import type pg from 'pg';
import type { CountRow } from '../../agents/learning/count-rows.js';
import { fromCountRows } from '../../agents/learning/count-rows.js';
import type { LearnerSource } from '../../agents/learning/learner-source.js';
import type { LearnerState } from '../../agents/learning/outcome-counts.js';
import type { Barrier, Channel } from '../domain/block.js';
import type { LearnerCountsSource, SubjectOutcomeCount } from '../domain/learner-counts.js';

type Row = { barrier: Barrier; technique: string; channel: Channel; block_ids: string[]; a: string; n: string };
type OwnRow = {
  barrier: string;
  technique: string;
  channel: string;
  block_ids: string[];
  achieved: string;
  not_achieved: string;
};

/**
 * A message's arm is its barrier, its first (leading) technique and its channel; a learner's skip is the
 * barrier's send-nothing arm (skip-outcomes.ts: technique 'skip' on no channel). Only decided outcomes of
 * known subjects count: an anonymous visitor's message can never be achieved, and an erased subject's
 * outcomes are unlinked (subject_id NULL), so neither moves anyone's choice.
 */
const ownRowsFor = (alias: string) =>
  `${alias}.subject_id = $1 AND ${alias}.program = $2 AND ${alias}.technique <> ''
   AND ${alias}.achieved + ${alias}.not_achieved > 0`;

/** The subject's own counts, kept per key by triggers (subject_outcome_counts): a read by primary key. */
const OWN_COUNTS = `SELECT barrier, technique, channel, block_ids, achieved, not_achieved
  FROM subject_outcome_counts c WHERE ${ownRowsFor('c')}`;

const ownCount = (r: OwnRow): SubjectOutcomeCount => ({
  barrier: r.barrier,
  technique: r.technique,
  channel: r.technique === 'skip' ? null : r.channel,
  blockIds: r.block_ids,
  achieved: Number(r.achieved),
  notAchieved: Number(r.not_achieved),
});

/**
 * Counts per block set as the learner's rows: one per arm (technique × channel, summed over block sets)
 * and one per arm and block carried (summed over the sets that carried it), for per-block choices.
 */
function countRows(subject: string | null, counts: readonly SubjectOutcomeCount[]): CountRow[] {
  const rows = new Map<string, CountRow>();
  const add = (c: SubjectOutcomeCount, block: string | null) => {
    const key = [c.barrier, c.technique, c.channel ?? '', block ?? ''].join('\u001f');
    const row = rows.get(key) ?? {
      scope: subject === null ? ('programme' as const) : ('subject' as const),
      subject,
      barrier: c.barrier as Barrier,
      technique: c.technique,
      channel: c.channel as Channel | null,
      block,
      achieved: 0,
      notAchieved: 0,
    };
    row.achieved += c.achieved;
    row.notAchieved += c.notAchieved;
    rows.set(key, row);
  };
  for (const c of counts) {
    add(c, null);
    for (const block of c.channel === null ? [] : new Set(c.blockIds)) add(c, block);
  }
  return [...rows.values()];
}

const programmeCount = (r: Row): SubjectOutcomeCount => ({
  barrier: r.barrier,
  technique: r.technique,
  channel: r.technique === 'skip' ? null : r.channel,
  blockIds: r.block_ids,
  achieved: Number(r.a),
  notAchieved: Number(r.n),
});

/**
 * The learner's state for one compose, read from stored outcomes: the programme's counts (from the counts
 * the database keeps, outcome_counts; kept per process for `ttlMs`) and the subject's own (never cached,
 * so their latest outcome counts at once: read beside the run history by `ownCounts`, or here when the run did not).
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
        `SELECT barrier, technique, channel, block_ids, sum(achieved) AS a, sum(not_achieved) AS n FROM outcome_counts
         WHERE program = $1 AND known AND technique <> '' GROUP BY barrier, technique, channel, block_ids
         HAVING sum(achieved) + sum(not_achieved) > 0`,
        [program],
      )
      .then((r) => countRows(null, r.rows.map(programmeCount)));
    rows.catch(() => cache.delete(program));
    cache.set(program, { at: now(), rows });
    return rows;
  }

  async function ownCounts(subject: string, program: string): Promise<SubjectOutcomeCount[]> {
    return (await pool.query<OwnRow>(OWN_COUNTS, [subject, program])).rows.map(ownCount);
  }

  async function state(program: string, subject?: string, own?: readonly SubjectOutcomeCount[]): Promise<LearnerState> {
    const [programme, mine] = await Promise.all([
      programmeRows(program),
      subject === undefined ? [] : (own ?? ownCounts(subject, program)),
    ]);
    return fromCountRows([...programme, ...(subject === undefined ? [] : countRows(subject, mine))]);
  }

  /** Drops the cached programme counts (after an erasure, so the subject's outcomes stop counting here at once). */
  function forget() {
    cache.clear();
  }

  return { state, ownCounts, forget } satisfies LearnerSource & LearnerCountsSource & { forget(): void };
}
