import type { Barrier, Channel } from '../../src/domain/block.js';
import { armKey, type LearningAction, parseArmKey, SKIP } from './learning-action.js';
import { countsOf, type LearnerState, type OutcomeCounts } from './outcome-counts.js';
import { isPooledKey, pooledKeys } from './pooled-keys.js';

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

/** Every arm's count as a row (pooled counts are derived, and rebuilt on the way back): the programme's first, then each subject's. */
export function toCountRows(state: LearnerState): CountRow[] {
  const arms = (counts: Map<string, OutcomeCounts>) => [...counts].filter(([key]) => !isPooledKey(key));
  const rows = arms(state.programme).map(([key, c]) => toRow('programme', null, key, c));
  for (const [subject, counts] of state.subjects) {
    for (const [key, c] of arms(counts)) rows.push(toRow('subject', subject, key, c));
  }
  return rows;
}

const actionOf = (r: CountRow): LearningAction =>
  r.channel === null
    ? SKIP
    : { kind: 'send', technique: r.technique, channel: r.channel, ...(r.block ? { block: r.block } : {}) };

/**
 * Rebuilds a state from rows. Programme rows already include every subject's outcomes, so subject rows
 * fill only their subject's counts and nothing is counted twice; rows naming a block (the outcomes of
 * messages that carried it) sit beside their arm's row and add to no pooled count.
 */
export function fromCountRows(rows: readonly CountRow[]): LearnerState {
  const state: LearnerState = { programme: new Map(), subjects: new Map() };
  for (const r of rows) {
    const action = actionOf(r);
    const target =
      r.scope === 'programme' ? state.programme : r.subject === null ? undefined : countsOf(state, r.subject);
    if (!target) continue;
    target.set(armKey(r.barrier, action), { achieved: r.achieved, notAchieved: r.notAchieved });
    // A block row is a finer view of outcomes its technique arm's row already counts, pooled counts included.
    if (r.block) continue;
    for (const key of pooledKeys(r.barrier, action)) {
      const c = target.get(key) ?? { achieved: 0, notAchieved: 0 };
      target.set(key, { achieved: c.achieved + r.achieved, notAchieved: c.notAchieved + r.notAchieved });
    }
  }
  return state;
}
