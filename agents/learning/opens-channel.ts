import type { Channel } from '../../src/domain/block.js';
import { type ChannelDraw, chooseChannel, onChannel } from './channel-choice.js';
import type { OpenState } from './channel-opens.js';
import { channelWords, type LearningAction } from './learning-action.js';
import { seededRandom } from './seeded-random.js';

const pct = (x: number) => `${Math.round(x * 100)}%`;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

type Tally = { opened: number; sent: number };
const tally = (c: { opened: number; unopened: number }): Tally => ({ opened: c.opened, sent: c.opened + c.unopened });

/** What the trace records of a channel chosen from opens: each channel's draw and the opens behind it (no ids). */
export type ChannelRecord = {
  chosen: Channel;
  candidates: Array<{ channel: Channel; read: number; assumed: boolean; own?: Tally; others?: Tally }>;
};

const drawRecord = (d: ChannelDraw): ChannelRecord['candidates'][number] =>
  d.opens === null
    ? { channel: d.channel, read: r3(d.read), assumed: true }
    : { channel: d.channel, read: r3(d.read), assumed: false, own: tally(d.opens.own), others: tally(d.opens.others) };

function drawWords(d: ChannelDraw): string {
  const name = channelWords(d.channel);
  if (d.opens === null) return `${name} ${pct(d.read)} assumed, as its reads are never seen`;
  const own = tally(d.opens.own);
  const others = tally(d.opens.others);
  const person = own.sent ? `this person opened ${own.opened} of ${own.sent}` : 'none sent to this person yet';
  const programme = others.sent ? `others ${others.opened} of ${others.sent}` : 'none to others';
  return `${name} ${pct(d.read)}: ${person}, ${programme}`;
}

/**
 * The learner's channel, chosen first as the simulator's learner chooses it (channel-choice.ts): Thompson
 * sampling over how often this person opens each allowed channel, the programme's open rate as the prior.
 * Only where the sends allowed span more than one channel; its own draw (seed `:channel`), so the
 * technique's draws replay as before. Answers skip and the sends on that channel, for the technique choice.
 */
export function channelFromOpens(input: {
  opens: OpenState;
  subject?: string;
  allowed: readonly LearningAction[];
  seed: string;
}): { allowed: LearningAction[]; record: ChannelRecord; rationale: string } | undefined {
  const channels = new Set(input.allowed.flatMap((a) => (a.kind === 'send' ? [a.channel] : [])));
  if (channels.size < 2) return undefined;
  const { channel, draws } = chooseChannel({ ...input, random: seededRandom(`${input.seed}:channel`) });
  if (!channel) return undefined;
  return {
    allowed: onChannel(input.allowed, channel),
    record: { chosen: channel, candidates: draws.map(drawRecord) },
    rationale: `The channel was chosen from how often messages are opened: ${channelWords(channel)} drew the best chance of being read (${draws.map(drawWords).join('; ')}).`,
  };
}
