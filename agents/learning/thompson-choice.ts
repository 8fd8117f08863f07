import type { Barrier } from '../../src/domain/block.js';
import { type ArmPosterior, armPosterior, DEFAULT_POSTERIOR, type PosteriorConfig } from './arm-posterior.js';
import type { Candidate } from './candidate.js';
import { choiceRationale } from './choice-rationale.js';
import { actionKey, type LearningAction } from './learning-action.js';
import type { LearnerState } from './outcome-counts.js';
import { type RandomSource, sampleBeta } from './seeded-random.js';
import { tableAction, tableRank } from './table-choice.js';

export type ChoiceInput = {
  state: LearnerState;
  /** Pseudonymous subject id; undefined for someone known only anonymously (programme prior only). */
  subject?: string;
  barrier: Barrier;
  /** Every action compliance and the subject's preferences allow, in the caller's order of preference. */
  allowed: readonly LearningAction[];
  random: RandomSource;
  config?: PosteriorConfig;
};

/** The policy's choice and everything a trace needs to explain and replay it. */
export type LearningChoice = {
  action: LearningAction;
  /** True when the chosen arm is not the one with the highest posterior mean. */
  explored: boolean;
  /** True when no allowed arm had any outcome yet, so the design table chose. */
  coldStart: boolean;
  candidates: Candidate[];
  rationale: string;
};

const observed = (c: ArmPosterior) => c.own.achieved + c.own.notAchieved + c.others.achieved + c.others.notAchieved;

/** Index of the largest value; ties go to the better table rank, then to the caller's order. */
function argmax(candidates: readonly Candidate[], value: (c: Candidate) => number): number {
  let best = 0;
  for (let i = 1; i < candidates.length; i++) {
    const a = candidates[i]!;
    const b = candidates[best]!;
    const va = value(a);
    const vb = value(b);
    if (va > vb || (va === vb && (a.tableRank ?? Number.MAX_SAFE_INTEGER) < (b.tableRank ?? Number.MAX_SAFE_INTEGER))) {
      best = i;
    }
  }
  return best;
}

/**
 * Thompson sampling among the allowed actions: one draw from each arm's hierarchical Beta posterior,
 * the largest draw wins. Nothing outside `allowed` can be chosen. With no outcomes for any allowed arm
 * the design table's action is taken, so a new programme behaves exactly like the table.
 */
export function chooseAction(input: ChoiceInput): LearningChoice {
  const { state, subject, barrier, allowed, random } = input;
  const config = input.config ?? DEFAULT_POSTERIOR;
  if (allowed.length === 0) throw new Error('no allowed action to choose from');
  const candidates: Candidate[] = allowed.map((action) => {
    const rank = tableRank(barrier, action);
    return {
      action,
      key: actionKey(action),
      tableRank: rank,
      sample: null,
      ...armPosterior(state, subject, barrier, action, rank, config),
    };
  });
  const coldStart = candidates.every((c) => observed(c) === 0);
  let chosen: number;
  if (coldStart) {
    const table = actionKey(tableAction(barrier, allowed));
    chosen = candidates.findIndex((c) => c.key === table);
  } else {
    for (const c of candidates) c.sample = sampleBeta(random, c.alpha, c.beta);
    chosen = argmax(candidates, (c) => c.sample!);
  }
  const bestMean = argmax(candidates, (c) => c.mean);
  const explored = !coldStart && candidates[chosen]!.mean < candidates[bestMean]!.mean;
  const choice = { action: candidates[chosen]!.action, explored, coldStart, candidates };
  return { ...choice, rationale: choiceRationale(barrier, choice, candidates[chosen]!, candidates[bestMean]!) };
}
