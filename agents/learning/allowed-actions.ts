import type { Barrier, Channel, ContentBlock } from '../../src/domain/block.js';
import { type LearningAction, SKIP } from './learning-action.js';

/**
 * Every action the learner may choose for a run: send a technique on a channel where an approved, usable
 * block for the barrier carries that technique on that channel and touches no topic the subject switched
 * off, over the channels the run may use (consented, not switched off, best first), or send nothing.
 * Exploration can only ever pick from this set, so it never picks content a rule would fail.
 */
export function allowedActions(input: {
  barrier: Barrier;
  blocks: readonly ContentBlock[];
  channels: readonly Channel[];
  topicsOff?: readonly string[];
}): LearningAction[] {
  const off = new Set(input.topicsOff ?? []);
  if (off.has(input.barrier)) return [SKIP];
  const usable = input.blocks.filter(
    (b) => b.tags.barriers.includes(input.barrier) && ![...b.tags.topics, ...b.tags.barriers].some((t) => off.has(t)),
  );
  const sends: LearningAction[] = [];
  for (const channel of input.channels) {
    const techniques = new Set(usable.filter((b) => b.channels.includes(channel)).flatMap((b) => b.tags.bcts));
    for (const technique of [...techniques].sort()) sends.push({ kind: 'send', technique, channel });
  }
  return [...sends, SKIP];
}
