import type { Barrier, Channel } from '../../src/domain/block.js';
import { type LearningAction, SEP } from './learning-action.js';

// Pooled counts sit beside the arm counts under keys no barrier name can start with.
const POOLED = '~';

/** Every send of a technique for a barrier, whatever the channel or block. */
export const techniqueKey = (barrier: Barrier, technique: string) => `${POOLED}t${SEP}${barrier}${SEP}${technique}`;
/** Every send on a channel, whatever the barrier, technique or block. */
export const channelKey = (channel: Channel) => `${POOLED}c${SEP}${channel}`;
/** Every send. */
export const SENDS_KEY = `${POOLED}sends`;

export const isPooledKey = (key: string) => key.startsWith(POOLED);

/**
 * The pooled counts an outcome also adds to. Arms are many and a person has few outcomes, so the
 * posterior borrows strength: how a technique does for a barrier on any channel, and how a channel
 * does for any technique, estimate an arm long before the arm itself has been tried often.
 */
export function pooledKeys(barrier: Barrier, action: LearningAction): string[] {
  if (action.kind === 'skip') return [];
  return [techniqueKey(barrier, action.technique), channelKey(action.channel), SENDS_KEY];
}
