import type { Channel } from '../../src/domain/block.js';

/**
 * Channels whose opens a programme receives as `message_opened` events: email (tracking pixel), push
 * and web (the app or portal reports them). Whether an SMS was read is never known.
 */
export const OPEN_TRACKED_CHANNELS: readonly Channel[] = ['email', 'push', 'web'];

export type OpenCounts = { opened: number; unopened: number };

/**
 * Opens per channel, for the whole programme and per subject. A message that is not read cannot work,
 * so how often this person opens each channel is the part of a send's effect that their own data
 * shows quickly: one observation per message, with no outcome noise around it.
 */
export type OpenState = {
  programme: Map<Channel, OpenCounts>;
  subjects: Map<string, Map<Channel, OpenCounts>>;
};

const ZERO: Readonly<OpenCounts> = Object.freeze({ opened: 0, unopened: 0 });

export function createOpenState(): OpenState {
  return { programme: new Map(), subjects: new Map() };
}

function bump(counts: Map<Channel, OpenCounts>, channel: Channel, opened: boolean) {
  const c = counts.get(channel) ?? { opened: 0, unopened: 0 };
  if (opened) c.opened += 1;
  else c.unopened += 1;
  counts.set(channel, c);
}

/** Adds one tracked send (mutating `state`); `subject` undefined for someone known only anonymously. */
export function recordOpen(state: OpenState, send: { subject?: string; channel: Channel; opened: boolean }): OpenState {
  bump(state.programme, send.channel, send.opened);
  if (send.subject !== undefined) {
    const own = state.subjects.get(send.subject) ?? new Map<Channel, OpenCounts>();
    state.subjects.set(send.subject, own);
    bump(own, send.channel, send.opened);
  }
  return state;
}

export const ownOpens = (state: OpenState, subject: string | undefined, channel: Channel): OpenCounts =>
  (subject === undefined ? undefined : state.subjects.get(subject)?.get(channel)) ?? ZERO;

/** Other subjects' opens on a channel: the programme's less the subject's own. */
export function othersOpens(state: OpenState, subject: string | undefined, channel: Channel): OpenCounts {
  const all = state.programme.get(channel) ?? ZERO;
  const own = ownOpens(state, subject, channel);
  return { opened: Math.max(0, all.opened - own.opened), unopened: Math.max(0, all.unopened - own.unopened) };
}

/**
 * Beta posterior of the subject's open rate on a channel: a flat Beta(1, 1), plus the programme's open
 * rate from other subjects worth at most `programmeWeight` observations, plus the subject's own opens.
 */
export function openPosterior(
  state: OpenState,
  subject: string | undefined,
  channel: Channel,
  programmeWeight: number,
): { alpha: number; beta: number } {
  const own = ownOpens(state, subject, channel);
  const { opened, unopened } = othersOpens(state, subject, channel);
  const n = opened + unopened;
  const weight = Math.min(programmeWeight, n);
  const rate = n ? opened / n : 0;
  return {
    alpha: 1 + weight * rate + own.opened,
    beta: 1 + weight * (1 - rate) + own.unopened,
  };
}
