import { DEFAULT_POSTERIOR, type PosteriorConfig } from '../../agents/learning/arm-posterior.js';
import { type ChannelChoiceConfig, chooseChannel, onChannel } from '../../agents/learning/channel-choice.js';
import { createOpenState, recordOpen } from '../../agents/learning/channel-opens.js';
import { createLearnerState, recordOutcome } from '../../agents/learning/outcome-counts.js';
import { seededRandom } from '../../agents/learning/seeded-random.js';
import { chooseAction } from '../../agents/learning/thompson-choice.js';
import type { SimPolicy } from './sim-policy.js';

/** Optional parts of the learner, switched on one at a time to measure each. */
export type LearningLevers = {
  /** Choose the channel first from the subject's observed opens, then the technique on that channel. */
  channelFromOpens?: boolean;
  /** The channel choice's settings when `channelFromOpens` is on (default: channel-choice.ts). */
  channelChoice?: ChannelChoiceConfig;
};

/**
 * On by default: choosing the channel from opens improved the learner on seeds 1–3 with fewer messages
 * and opt-outs than the table (bench/RESULTS.md, "Issue 14: where the oracle's uplift comes from").
 */
export const DEFAULT_LEVERS: LearningLevers = { channelFromOpens: true };

/**
 * The learning policy on the simulator: one learner for the whole programme (every subject's outcomes
 * feed the others' prior, as in production), optionally with the levers above.
 */
export function createLearningPolicy(
  seed: number,
  posterior: PosteriorConfig = DEFAULT_POSTERIOR,
  levers: LearningLevers = DEFAULT_LEVERS,
): SimPolicy {
  const state = createLearnerState();
  const opens = createOpenState();
  const random = seededRandom(`${seed}:learning`);
  return {
    name: 'learning',
    choose: (d) => {
      const subject = d.subject.id;
      const among = d.allowed;
      const allowed = levers.channelFromOpens
        ? onChannel(
            among,
            chooseChannel({ opens, subject, allowed: among, random, config: levers.channelChoice }).channel,
          )
        : among;
      return chooseAction({ state, subject, barrier: d.diagnosed, allowed, random, config: posterior }).action;
    },
    learn: (d, action, achieved, observed) => {
      recordOutcome(state, { subject: d.subject.id, barrier: d.diagnosed, action, achieved });
      if (action.kind === 'send' && observed.opened !== undefined) {
        recordOpen(opens, { subject: d.subject.id, channel: action.channel, opened: observed.opened });
      }
    },
  };
}
