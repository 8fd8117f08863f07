import { OPEN_TRACKED_CHANNELS } from '../../agents/learning/channel-opens.js';
import type { LearningAction } from '../../agents/learning/learning-action.js';

/** What a programme observes about a decision besides the target behaviour. */
export type Observed = {
  /** For a send on an open-tracked channel (email, push, web; never SMS): whether it was opened. */
  opened?: boolean;
};

/**
 * The observable signal of a day's action, derived from the read the simulator has already drawn for
 * it: no new randomness, so outcomes and common random numbers are unchanged for every policy.
 */
export function observedSignals(action: LearningAction, read: boolean): Observed {
  if (action.kind !== 'send' || !OPEN_TRACKED_CHANNELS.includes(action.channel)) return {};
  return { opened: read };
}
