import type { Barrier, Channel } from '../../src/content/block-schema.js';
import { armKey, type LearningAction, parseArmKey, SKIP } from './learning-action.js';
import { countsOf, type LearnerState, type OutcomeCounts } from './outcome-counts.js';

/**
 * The learner's state as plain rows keyed by (scope, subject, barrier, technique, channel, block), for
 * storage or a JSON file. `technique` is `skip` (channel and block null) for the send-nothing arm.
 */
export type CountRow = {
  scope: 'programme' | 'subject';
  subject: string | null;
  barrier: Barrier;
  technique: string;
  channel: Channel | null;
  block: string | null;
  achieved: number;
  notAchieved: number;
};

function toRow(scope: CountRow['scope'], subject: string | null, key: string, c: OutcomeCounts): CountRow {
  const { barrier, action } = parseArmKey(key);
  const send = action.kind === 'send' ? action : undefined;
  return {
    scope,
    subject,
    barrier,
    technique: send?.technique ?? 'skip',
    channel: send?.channel ?? null,
    block: send?.block ?? null,
    achieved: c.achieved,
    notAchieved: c.notAchieved,
  };
}

/** Every count as a row: the programme's first, then each subject's. */
export function toCountRows(state: LearnerState): CountRow[] {
  const rows = [...state.programme].map(([key, c]) => toRow('programme', null, key, c));
  for (const [subject, counts] of state.subjects) {
    for (const [key, c] of counts) rows.push(toRow('subject', subject, key, c));
  }
  return rows;
}

const actionOf = (r: CountRow): LearningAction =>
  r.channel === null
    ? SKIP
    : { kind: 'send', technique: r.technique, channel: r.channel, ...(r.block ? { block: r.block } : {}) };

/**
 * Rebuilds a state from rows. Programme rows already include every subject's outcomes, so subject rows
 * fill only their subject's counts and nothing is counted twice.
 */
export function fromCountRows(rows: readonly CountRow[]): LearnerState {
  const state: LearnerState = { programme: new Map(), subjects: new Map() };
  for (const r of rows) {
    const key = armKey(r.barrier, actionOf(r));
    const counts = { achieved: r.achieved, notAchieved: r.notAchieved };
    if (r.scope === 'programme') {
      state.programme.set(key, counts);
      continue;
    }
    if (r.subject !== null) countsOf(state, r.subject).set(key, counts);
  }
  return state;
}
