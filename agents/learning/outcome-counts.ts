import type { Barrier } from '../../src/domain/block.js';
import { armKey, type LearningAction } from './learning-action.js';
import { pooledKeys } from './pooled-keys.js';

export type OutcomeCounts = { achieved: number; notAchieved: number };

/**
 * What the learner knows: outcome counts per arm (barrier × action), and pooled over technique and
 * over channel (pooled-keys.ts), once for the whole programme and once per subject. The programme counts include every subject's counts (and outcomes of subjects known
 * only anonymously), so a subject's own contribution can be subtracted from their prior while choosing
 * for them. Maps, not objects, so no client-chosen id can reach a prototype.
 */
export type LearnerState = {
  programme: Map<string, OutcomeCounts>;
  subjects: Map<string, Map<string, OutcomeCounts>>;
};

const ZERO: Readonly<OutcomeCounts> = Object.freeze({ achieved: 0, notAchieved: 0 });

export function createLearnerState(): LearnerState {
  return { programme: new Map(), subjects: new Map() };
}

/** The subject's own counts, created empty on first use. */
export function countsOf(state: LearnerState, subject: string): Map<string, OutcomeCounts> {
  const own = state.subjects.get(subject) ?? new Map<string, OutcomeCounts>();
  state.subjects.set(subject, own);
  return own;
}

function bump(counts: Map<string, OutcomeCounts>, key: string, achieved: boolean) {
  const c = counts.get(key) ?? { achieved: 0, notAchieved: 0 };
  if (achieved) c.achieved += 1;
  else c.notAchieved += 1;
  counts.set(key, c);
}

/**
 * Adds one outcome (mutating `state`). `subject` is undefined for someone known only anonymously:
 * their outcome counts in the programme aggregate only.
 */
export function recordOutcome(
  state: LearnerState,
  outcome: { subject?: string; barrier: Barrier; action: LearningAction; achieved: boolean },
): LearnerState {
  const { action, barrier } = outcome;
  // An outcome with a block counts for the block and for its technique arm (which the posterior reads).
  const arm = action.kind === 'send' && action.block ? [armKey(barrier, { ...action, block: undefined })] : [];
  const keys = [armKey(barrier, action), ...arm, ...pooledKeys(barrier, action)];
  const own = outcome.subject === undefined ? undefined : countsOf(state, outcome.subject);
  for (const key of keys) {
    bump(state.programme, key, outcome.achieved);
    if (own) bump(own, key, outcome.achieved);
  }
  return state;
}

export const subjectCounts = (state: LearnerState, subject: string | undefined, key: string): OutcomeCounts =>
  (subject === undefined ? undefined : state.subjects.get(subject)?.get(key)) ?? ZERO;

export const programmeCounts = (state: LearnerState, key: string): OutcomeCounts => state.programme.get(key) ?? ZERO;
