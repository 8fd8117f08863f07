import type { Barrier } from '../../src/domain/block.js';
import { BARRIER_PLAN } from '../strategy/barrier-techniques.js';
import type { LearningAction } from './learning-action.js';

/** The technique's place in the design table for the barrier (0 = first), or null when it is not there. */
export function tableRank(barrier: Barrier, action: LearningAction): number | null {
  if (action.kind === 'skip' || barrier === 'none') return null;
  const rank = BARRIER_PLAN[barrier].bcts.indexOf(action.technique);
  return rank < 0 ? null : rank;
}

/**
 * What the fixed design table does among the allowed actions: the first allowed send of the
 * barrier's best-ranked technique (the caller lists channels and blocks in its order of preference);
 * nothing when no barrier was found. Throws when nothing at all is allowed, a caller's mistake.
 */
export function tableAction(barrier: Barrier, allowed: readonly LearningAction[]): LearningAction {
  if (allowed.length === 0) throw new Error('no allowed action to choose from');
  const skip = allowed.find((a) => a.kind === 'skip');
  if (barrier === 'none' && skip) return skip;
  let best: LearningAction | undefined;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const action of allowed) {
    if (action.kind === 'skip') continue;
    const rank = tableRank(barrier, action) ?? Number.MAX_SAFE_INTEGER;
    if (rank < bestRank) [best, bestRank] = [action, rank];
  }
  return best ?? skip ?? allowed[0]!;
}
