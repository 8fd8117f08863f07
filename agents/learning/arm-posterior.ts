import jStat from 'jstat';
import type { Barrier } from '../../src/content/block-schema.js';
import { armKey, type LearningAction } from './learning-action.js';
import { type LearnerState, type OutcomeCounts, programmeCounts, subjectCounts } from './outcome-counts.js';

export type PosteriorConfig = {
  /**
   * The most pseudo-observations the programme's outcomes lend a subject's prior. Past it the
   * programme's counts are scaled down, keeping their mean, so a programme with thousands of outcomes
   * does not swamp what one person's own few outcomes say.
   */
  programmeWeight: number;
  /** Pseudo-observations of the design prior (the table's ranking) before any outcome. */
  designWeight: number;
};

export const DEFAULT_POSTERIOR: PosteriorConfig = { programmeWeight: 12, designWeight: 2 };

export type ArmPosterior = {
  alpha: number;
  beta: number;
  mean: number;
  /** The central 95 % credible interval. */
  interval: [number, number];
  /** The subject's own outcomes with this arm. */
  own: OutcomeCounts;
  /** Other subjects' outcomes with this arm across the programme (before scaling). */
  others: OutcomeCounts;
};

/**
 * The design prior's mean for an arm: the table's first technique a little above an even chance, later
 * ones less, techniques outside the table and skipping at even chance. Only its ranking matters much:
 * it orders the cold start and breaks ties; outcomes outweigh it after a few observations.
 */
export function designMean(tableRank: number | null): number {
  return tableRank === null ? 0.5 : 0.5 + 0.1 / (1 + tableRank);
}

/**
 * Beta posterior of one arm for one subject: the design prior, plus the other subjects' outcomes
 * (the programme aggregate less this subject's own, scaled to at most `programmeWeight`), plus the
 * subject's own outcomes at full weight.
 */
export function armPosterior(
  state: LearnerState,
  subject: string | undefined,
  barrier: Barrier,
  action: LearningAction,
  tableRank: number | null,
  config: PosteriorConfig = DEFAULT_POSTERIOR,
): ArmPosterior {
  const key = armKey(barrier, action);
  const own = subjectCounts(state, subject, key);
  const all = programmeCounts(state, key);
  const others = {
    achieved: Math.max(0, all.achieved - own.achieved),
    notAchieved: Math.max(0, all.notAchieved - own.notAchieved),
  };
  const n = others.achieved + others.notAchieved;
  const scale = n > config.programmeWeight ? config.programmeWeight / n : 1;
  const prior = designMean(tableRank) * config.designWeight;
  const alpha = prior + scale * others.achieved + own.achieved;
  const beta = config.designWeight - prior + scale * others.notAchieved + own.notAchieved;
  return {
    alpha,
    beta,
    mean: alpha / (alpha + beta),
    interval: [jStat.beta.inv(0.025, alpha, beta), jStat.beta.inv(0.975, alpha, beta)],
    own,
    others,
  };
}
