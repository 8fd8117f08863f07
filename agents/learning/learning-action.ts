import type { Barrier, Channel } from '../../src/domain/block.js';

/**
 * One arm of the learner: send a message built on one technique over one channel (optionally one
 * specific approved block, where the library offers alternatives for that technique), or send nothing.
 */
export type LearningAction = { kind: 'send'; technique: string; channel: Channel; block?: string } | { kind: 'skip' };

export const SKIP: LearningAction = { kind: 'skip' };

// A unit separator cannot occur in technique codes, channel names or block ids, so keys never collide.
export const SEP = '\u001f';

/** A stable string naming an action, used as the key of its outcome counts. */
export function actionKey(action: LearningAction): string {
  if (action.kind === 'skip') return 'skip';
  return ['send', action.technique, action.channel, action.block ?? ''].join(SEP);
}

/** The key of an action's counts under a barrier. */
export function armKey(barrier: Barrier, action: LearningAction): string {
  return `${barrier}${SEP}${actionKey(action)}`;
}

/** The barrier and action an arm key names. */
export function parseArmKey(key: string): { barrier: Barrier; action: LearningAction } {
  const [barrier, kind, technique, channel, block] = key.split(SEP) as [Barrier, string, string, Channel, string];
  if (kind === 'skip') return { barrier, action: SKIP };
  return { barrier, action: { kind: 'send', technique, channel, ...(block ? { block } : {}) } };
}

const CHANNEL_WORDS: Record<Channel, string> = { sms: 'SMS', email: 'email', push: 'push notification', web: 'web' };

export const channelWords = (channel: Channel) => CHANNEL_WORDS[channel];
