import jStat from 'jstat';
import type { Barrier } from '../../src/domain/block.js';
import { armKey, type LearningAction } from './learning-action.js';
import { type LearnerState, type OutcomeCounts, programmeCounts, subjectCounts } from './outcome-counts.js';
import { channelKey, SENDS_KEY, techniqueKey } from './pooled-keys.js';

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

/**
 * 100 programme pseudo-observations: on the simulator (bench/RESULTS.md) 12–50 explored too much across
 * many near-equal arms; a subject's own few dozen outcomes still move their choice when they agree.
 */
export const DEFAULT_POSTERIOR: PosteriorConfig = { programmeWeight: 100, designWeight: 2 };

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
function designMean(tableRank: number | null): number {
  return tableRank === null ? 0.5 : 0.5 + 0.1 / (1 + tableRank);
}

const total = (c: OutcomeCounts) => c.achieved + c.notAchieved;
/** Laplace-smoothed success rate, or the fallback with no outcomes. */
const rate = (c: OutcomeCounts, fallback: number) => (total(c) ? (c.achieved + 1) / (total(c) + 2) : fallback);
const clamp = (x: number) => Math.min(0.99, Math.max(0.01, x));

/**
 * The programme's estimate of a send arm from other subjects' outcomes: the arm's own counts, shrunk
 * toward an additive estimate from pooled counts (this technique for this barrier on any channel, plus
 * how much better or worse this channel does than sends overall), worth at most `limit` observations.
 */
function programmeEstimate(
  others: (key: string) => OutcomeCounts,
  barrier: Barrier,
  action: LearningAction,
  limit: number,
): { mean: number; n: number } {
  const arm = others(armKey(barrier, action));
  if (action.kind === 'skip') return { mean: rate(arm, 0.5), n: total(arm) };
  const all = others(SENDS_KEY);
  const byTechnique = others(techniqueKey(barrier, action.technique));
  const byChannel = others(channelKey(action.channel));
  const overall = rate(all, 0.5);
  const pooled = clamp(rate(byTechnique, overall) + rate(byChannel, overall) - overall);
  const kappa = Math.min(limit, total(byTechnique), total(byChannel));
  const n = total(arm) + kappa;
  return { mean: n ? (arm.achieved + kappa * pooled) / n : 0.5, n };
}

/**
 * Beta posterior of one arm for one subject: the design prior, plus the programme's estimate from other
 * subjects (the aggregate less this subject's own outcomes, worth at most `programmeWeight`
 * observations), plus the subject's own outcomes with this arm at full weight.
 */
export function armPosterior(
  state: LearnerState,
  subject: string | undefined,
  barrier: Barrier,
  action: LearningAction,
  tableRank: number | null,
  config: PosteriorConfig = DEFAULT_POSTERIOR,
): ArmPosterior {
  const othersOf = (key: string): OutcomeCounts => {
    const all = programmeCounts(state, key);
    const own = subjectCounts(state, subject, key);
    return {
      achieved: Math.max(0, all.achieved - own.achieved),
      notAchieved: Math.max(0, all.notAchieved - own.notAchieved),
    };
  };
  const key = armKey(barrier, action);
  const own = subjectCounts(state, subject, key);
  const programme = programmeEstimate(othersOf, barrier, action, config.programmeWeight);
  const weight = Math.min(config.programmeWeight, programme.n);
  const prior = designMean(tableRank) * config.designWeight;
  const alpha = prior + weight * programme.mean + own.achieved;
  const beta = config.designWeight - prior + weight * (1 - programme.mean) + own.notAchieved;
  return {
    alpha,
    beta,
    mean: alpha / (alpha + beta),
    interval: [jStat.beta.inv(0.025, alpha, beta), jStat.beta.inv(0.975, alpha, beta)],
    own,
    others: othersOf(key),
  };
}
