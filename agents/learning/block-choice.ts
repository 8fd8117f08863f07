import jStat from 'jstat';
import type { Barrier, ContentBlock } from '../../src/domain/block.js';
import type { ArmPosterior, PosteriorConfig } from './arm-posterior.js';
import { armKey, type LearningAction } from './learning-action.js';
import { type LearnerState, type OutcomeCounts, programmeCounts, subjectCounts } from './outcome-counts.js';
import { type RandomSource, sampleBeta } from './seeded-random.js';

/** The kinds a message's body block is chosen from (the composer's, agents/composer/offline-selection.ts). */
const BODY_KINDS = new Set(['support', 'education', 'claim']);

/**
 * Pseudo-observations the technique arm's posterior lends each of its blocks: blocks start where their
 * technique is and part only as their own outcomes say, so a new block is neither favoured nor condemned.
 */
export const BLOCK_PRIOR_WEIGHT = 10;

/**
 * The approved, usable body blocks that carry the action's technique for the barrier on its channel and
 * touch no topic the subject switched off: the alternatives the library offers for that arm.
 */
export function blockAlternatives(
  blocks: readonly ContentBlock[],
  barrier: Barrier,
  action: LearningAction,
  topicsOff: readonly string[] = [],
): string[] {
  if (action.kind === 'skip') return [];
  const off = new Set(topicsOff);
  return blocks
    .filter(
      (b) =>
        BODY_KINDS.has(b.kind) &&
        b.channels.includes(action.channel) &&
        b.tags.barriers.includes(barrier) &&
        b.tags.bcts.includes(action.technique) &&
        ![...b.tags.topics, ...b.tags.barriers].some((t) => off.has(t)),
    )
    .map((b) => b.id)
    .sort();
}

export type BlockCandidate = {
  block: string;
  alpha: number;
  beta: number;
  mean: number;
  interval: [number, number];
  sample: number;
  own: OutcomeCounts;
  others: OutcomeCounts;
};

export type BlockChoice = { block: string; explored: boolean; candidates: BlockCandidate[] };

const total = (c: OutcomeCounts) => c.achieved + c.notAchieved;

/**
 * Thompson sampling among one arm's alternative blocks: each block's Beta posterior starts from the arm's
 * posterior mean (worth BLOCK_PRIOR_WEIGHT observations), adds other subjects' outcomes with messages that
 * carried the block (at most `programmeWeight`, keeping their rate) and the subject's own at full weight;
 * the largest draw wins. Undefined when the library offers fewer than two alternatives.
 */
export function chooseBlock(input: {
  state: LearnerState;
  subject?: string;
  barrier: Barrier;
  action: LearningAction & { kind: 'send' };
  arm: ArmPosterior;
  blocks: readonly string[];
  random: RandomSource;
  config: PosteriorConfig;
}): BlockChoice | undefined {
  if (input.blocks.length < 2) return undefined;
  const candidates = input.blocks.map((block): BlockCandidate => {
    const key = armKey(input.barrier, { ...input.action, block });
    const own = subjectCounts(input.state, input.subject, key);
    const all = programmeCounts(input.state, key);
    const others = {
      achieved: Math.max(0, all.achieved - own.achieved),
      notAchieved: Math.max(0, all.notAchieved - own.notAchieved),
    };
    const n = total(others);
    const weight = Math.min(input.config.programmeWeight, n);
    const rate = n ? others.achieved / n : 0;
    const alpha = BLOCK_PRIOR_WEIGHT * input.arm.mean + weight * rate + own.achieved;
    const beta = BLOCK_PRIOR_WEIGHT * (1 - input.arm.mean) + weight * (1 - rate) + own.notAchieved;
    return {
      block,
      alpha,
      beta,
      mean: alpha / (alpha + beta),
      interval: [jStat.beta.inv(0.025, alpha, beta), jStat.beta.inv(0.975, alpha, beta)],
      sample: sampleBeta(input.random, alpha, beta),
      own,
      others,
    };
  });
  const best = (value: (c: BlockCandidate) => number) =>
    candidates.reduce((top, c) => (value(c) > value(top) ? c : top), candidates[0]!);
  const chosen = best((c) => c.sample);
  return { block: chosen.block, explored: chosen.mean < best((c) => c.mean).mean, candidates };
}
