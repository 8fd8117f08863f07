import type { LearningAction } from '../../../agents/learning/learning-action.js';
import { BARRIER_PLAN } from '../../../agents/strategy/barrier-techniques.js';
import { type Barrier, CHANNELS, type Channel } from '../../../src/domain/block.js';

export const send = (technique: string, channel: Channel, block?: string): LearningAction => ({
  kind: 'send',
  technique,
  channel,
  ...(block ? { block } : {}),
});

/** Skip plus every table technique of the barrier on every channel: what a permissive caller allows. */
export function everyAction(barrier: Exclude<Barrier, 'none'>, channels: readonly Channel[] = CHANNELS) {
  const actions: LearningAction[] = [{ kind: 'skip' }];
  for (const t of BARRIER_PLAN[barrier].bcts) for (const c of channels) actions.push(send(t, c));
  return actions;
}
