import type { Channel } from '../../src/domain/block.js';
import {
  OPEN_TRACKED_CHANNELS,
  type OpenCounts,
  type OpenState,
  openPosterior,
  othersOpens,
  ownOpens,
} from './channel-opens.js';
import type { LearningAction } from './learning-action.js';
import { type RandomSource, sampleBeta } from './seeded-random.js';

export type ChannelChoiceConfig = {
  /** The most observations the programme's open rate on a channel lends a subject's prior. */
  programmeWeight: number;
  /**
   * Read chance assumed for channels whose opens are never observed. SMS: health text programmes
   * report more than 80 % of messages read (the figure the simulator's population also starts from).
   */
  assumedRead: Partial<Record<Channel, number>>;
};

const DEFAULT_CHANNEL_CHOICE: ChannelChoiceConfig = { programmeWeight: 10, assumedRead: { sms: 0.85 } };

/**
 * One channel's draw: the read chance sampled from its open-rate posterior with the subject's own opens
 * and other subjects' behind it, or the assumed rate (`opens` null).
 */
export type ChannelDraw = { channel: Channel; read: number; opens: { own: OpenCounts; others: OpenCounts } | null };

/**
 * Thompson sampling over the subject's read chance per allowed channel: a draw from the open-rate
 * posterior where opens are tracked, the assumed rate where they are not; the largest wins (ties to
 * the caller's order). A channel with neither wins only when it is the only one. A message that is
 * not read cannot help, whatever its technique, so the channel is chosen on reading alone.
 */
export function chooseChannel(input: {
  opens: OpenState;
  subject?: string;
  allowed: readonly LearningAction[];
  random: RandomSource;
  config?: ChannelChoiceConfig;
}): { channel: Channel | undefined; draws: ChannelDraw[] } {
  const config = input.config ?? DEFAULT_CHANNEL_CHOICE;
  const channels = [...new Set(input.allowed.flatMap((a) => (a.kind === 'send' ? [a.channel] : [])))];
  const draws: ChannelDraw[] = [];
  let best: Channel | undefined;
  let bestRead = Number.NEGATIVE_INFINITY;
  for (const channel of channels) {
    let draw: ChannelDraw = { channel, read: config.assumedRead[channel] ?? -1, opens: null };
    if (OPEN_TRACKED_CHANNELS.includes(channel)) {
      const { alpha, beta } = openPosterior(input.opens, input.subject, channel, config.programmeWeight);
      draw = {
        channel,
        read: sampleBeta(input.random, alpha, beta),
        opens: {
          own: ownOpens(input.opens, input.subject, channel),
          others: othersOpens(input.opens, input.subject, channel),
        },
      };
    }
    draws.push(draw);
    if (draw.read > bestRead) [best, bestRead] = [channel, draw.read];
  }
  return { channel: best, draws };
}

/** Skip and the sends on one channel: what the technique choice then picks from. */
export const onChannel = (allowed: readonly LearningAction[], channel: Channel | undefined): LearningAction[] =>
  allowed.filter((a) => a.kind === 'skip' || a.channel === channel);
