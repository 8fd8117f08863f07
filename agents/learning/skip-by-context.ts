import type { OutcomeCounts } from './outcome-counts.js';
import { type RandomSource, sampleBeta } from './seeded-random.js';

/** What the programme knows about a decision before choosing: its own recent sends and the trigger. */
export type SkipContext = { recent: number; refillDue: boolean };

/** Outcomes after a skip and after a send, per context, over the whole programme. */
export type ContextCounts = Map<string, { skip: OutcomeCounts; send: OutcomeCounts }>;

// Two or more messages in the window share a bucket: the default cap allows at most three.
const contextKey = (c: SkipContext) => `${Math.min(2, c.recent)}:${c.refillDue ? 'refill' : 'dose'}`;

export function recordContextOutcome(counts: ContextCounts, context: SkipContext, sent: boolean, achieved: boolean) {
  const key = contextKey(context);
  const cell = counts.get(key) ?? { skip: { achieved: 0, notAchieved: 0 }, send: { achieved: 0, notAchieved: 0 } };
  const arm = sent ? cell.send : cell.skip;
  if (achieved) arm.achieved += 1;
  else arm.notAchieved += 1;
  counts.set(key, cell);
}

/**
 * Whether to send nothing, by Thompson sampling between "skip" and "send" with the programme's
 * outcomes in this context (messages already sent this week, refill due or a dose missed). Fatigue
 * and reactance grow with recent messages, so where they outweigh a message's help on average the
 * programme's outcomes show it in that context, with thousands of decisions behind each estimate.
 * A person's own skip-or-send contrast is left out: about 20 decisions cannot show it (bench/RESULTS.md).
 */
export function skipByContext(counts: ContextCounts, context: SkipContext, random: RandomSource): boolean {
  const cell = counts.get(contextKey(context));
  const draw = (c: OutcomeCounts | undefined) => sampleBeta(random, 1 + (c?.achieved ?? 0), 1 + (c?.notAchieved ?? 0));
  return draw(cell?.skip) > draw(cell?.send);
}
