import type pg from 'pg';
import { OPEN_TRACKED_CHANNELS, type OpenState } from '../../agents/learning/channel-opens.js';
import type { CountRow } from '../../agents/learning/count-rows.js';
import { fromCountRows } from '../../agents/learning/count-rows.js';
import type { LearnerKnowledge, LearnerSource } from '../../agents/learning/learner-source.js';
import type { Barrier, Channel } from '../domain/block.js';
import type {
  ChannelOpenCount,
  LearnerCountsSource,
  SubjectLearnerCounts,
  SubjectOutcomeCount,
} from '../domain/learner-counts.js';

/**
 * Both queries answer arm rows (`kind` 'arm') and, after them, open rows per channel (`kind` 'opens'),
 * whose `achieved` and `not_achieved` are the channel's opened and unopened sends.
 */
type CountsRow = {
  kind: 'arm' | 'opens';
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

/**
 * The subject's own counts, kept per key by triggers (subject_outcome_counts): a read by primary key; and in
 * the same query their sends and opens per open-tracked channel, from their few messages by the subject
 * index. An erased subject's messages are unlinked, so their opens are no longer theirs.
 */
const OWN_COUNTS = `SELECT 'arm' AS kind, barrier, technique, channel, block_ids, achieved, not_achieved
  FROM subject_outcome_counts c WHERE ${ownRowsFor('c')}
  UNION ALL
  SELECT 'opens', '', '', channel, '{}'::text[], count(opened_at), count(*) - count(opened_at)
  FROM message_outcomes WHERE subject_id = $1 AND program = $2 AND channel = ANY($3::text[]) GROUP BY channel`;

/**
 * The programme's counts per arm of known subjects (outcome_counts), and in the same query their sends
 * and opens per open-tracked channel, whatever the outcome (the counts keep `opened` beside `sent`).
 */
const PROGRAMME_COUNTS = `SELECT 'arm' AS kind, barrier, technique, channel, block_ids, sum(achieved) AS achieved,
    sum(not_achieved) AS not_achieved
  FROM outcome_counts WHERE program = $1 AND known AND technique <> '' GROUP BY barrier, technique, channel, block_ids
  HAVING sum(achieved) + sum(not_achieved) > 0
  UNION ALL
  SELECT 'opens', '', '', channel, '{}'::text[], sum(opened), sum(sent) - sum(opened)
  FROM outcome_counts WHERE program = $1 AND known AND channel = ANY($2::text[]) GROUP BY channel`;

/** Either query's answer as the learner's outcome counts and open counts. */
const countsIn = (rows: readonly CountsRow[]): SubjectLearnerCounts => ({
  outcomes: rows
    .filter((r) => r.kind === 'arm')
    .map((r) => ({
      barrier: r.barrier,
      technique: r.technique,
      channel: r.technique === 'skip' ? null : r.channel,
      blockIds: r.block_ids,
      achieved: Number(r.achieved),
      notAchieved: Number(r.not_achieved),
    })),
  opens: rows
    .filter((r) => r.kind === 'opens')
    .map((r) => ({ channel: r.channel, opened: Number(r.achieved), unopened: Number(r.not_achieved) })),
});

const openMap = (counts: readonly ChannelOpenCount[]) =>
  new Map(counts.map((c) => [c.channel as Channel, { opened: c.opened, unopened: c.unopened }]));

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

/**
 * The learner's state for one compose, read from stored outcomes and opens: the programme's counts (from
 * the counts the database keeps, outcome_counts; kept per process for `ttlMs`) and the subject's own (never
 * cached, so their latest outcome or open counts at once: read beside the run history by `ownCounts`, or
 * here when the run did not).
 */
export function createLearnerRepo(pool: pg.Pool, opts: { ttlMs?: number; now?: () => number } = {}) {
  const ttlMs = opts.ttlMs ?? 30_000;
  const now = opts.now ?? Date.now;
  type Programme = { rows: CountRow[]; opens: ChannelOpenCount[] };
  const cache = new Map<string, { at: number; counts: Promise<Programme> }>();

  function programmeCounts(program: string): Promise<Programme> {
    const hit = cache.get(program);
    if (hit && now() - hit.at < ttlMs) return hit.counts;
    const counts = pool.query<CountsRow>(PROGRAMME_COUNTS, [program, OPEN_TRACKED_CHANNELS]).then((r) => {
      const { outcomes, opens } = countsIn(r.rows);
      return { rows: countRows(null, outcomes), opens };
    });
    counts.catch(() => cache.delete(program));
    cache.set(program, { at: now(), counts });
    return counts;
  }

  async function ownCounts(subject: string, program: string): Promise<SubjectLearnerCounts> {
    return countsIn((await pool.query<CountsRow>(OWN_COUNTS, [subject, program, OPEN_TRACKED_CHANNELS])).rows);
  }

  async function state(program: string, subject?: string, own?: SubjectLearnerCounts): Promise<LearnerKnowledge> {
    const none: SubjectLearnerCounts = { outcomes: [], opens: [] };
    const [programme, mine] = await Promise.all([
      programmeCounts(program),
      subject === undefined ? none : (own ?? ownCounts(subject, program)),
    ]);
    const opens: OpenState = { programme: openMap(programme.opens), subjects: new Map() };
    if (subject !== undefined) opens.subjects.set(subject, openMap(mine.opens));
    const outcomes = fromCountRows([
      ...programme.rows,
      ...(subject === undefined ? [] : countRows(subject, mine.outcomes)),
    ]);
    return { ...outcomes, opens };
  }

  /** Drops the cached programme counts (after an erasure, so the subject's outcomes stop counting here at once). */
  function forget() {
    cache.clear();
  }

  return { state, ownCounts, forget } satisfies LearnerSource & LearnerCountsSource & { forget(): void };
}
