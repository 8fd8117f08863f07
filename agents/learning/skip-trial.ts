import type { Barrier } from '../../src/domain/block.js';
import { seededRandom } from './seeded-random.js';

/**
 * Decided outcomes of skipped runs a barrier needs in the programme before sending nothing competes in
 * the Thompson draw. Below it, skip's nearly flat posterior would win about a third of the draws against
 * well-measured sends, leaving people without help on no evidence.
 */
export const SKIP_WARMUP = 10;

/**
 * Until then, the share of runs (once sends have outcomes) in which the learner tries sending nothing on
 * purpose, so the skip arm gets the outcomes it needs: it could never be chosen, and so never observed,
 * otherwise. Small, so few people go without a message while it is learnt.
 */
export const SKIP_TRIAL_RATE = 0.05;

/** Whether this run tries sending nothing: its own draw from the run's seed (the arm draws are unchanged). */
export const triesSkip = (seed: string) => seededRandom(`${seed}:skip`)() < SKIP_TRIAL_RATE;

export function skipTrialRationale(barrier: Barrier, seen: number): string {
  return (
    `Chose to send nothing, to learn what follows without a message: ${seen} of the ${SKIP_WARMUP} outcomes of ` +
    `skipped runs needed before sending nothing is weighed against messages for ${barrier} are recorded, and ` +
    `about 1 run in ${Math.round(1 / SKIP_TRIAL_RATE)} tries it until then.`
  );
}
