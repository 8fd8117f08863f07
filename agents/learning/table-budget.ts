import type { Barrier } from '../../src/domain/block.js';
import { BARRIER_PLAN } from '../strategy/barrier-techniques.js';
import { type ArmPosterior, armPosterior, type PosteriorConfig } from './arm-posterior.js';
import { actionKey, armKey, type LearningAction, parseArmKey, SKIP } from './learning-action.js';
import type { LearnerState } from './outcome-counts.js';
import { isPooledKey } from './pooled-keys.js';
import { tableRank } from './table-choice.js';

/**
 * The table's arm for a past decision, as the learner can reconstruct it from an arm key: the
 * barrier's first table technique on the same channel (for a skip, on the channel the table uses
 * today); send nothing where no barrier was found. Undefined where it cannot be priced.
 */
function tableArmFor(barrier: Barrier, action: LearningAction, today: LearningAction): LearningAction | undefined {
  if (barrier === 'none') return SKIP;
  const technique = BARRIER_PLAN[barrier]?.bcts[0];
  const channel = action.kind === 'send' ? action.channel : today.kind === 'send' ? today.channel : undefined;
  return technique && channel ? { kind: 'send', technique, channel } : undefined;
}

/**
 * The subject's conservative exploration budget (Wu et al. 2016, "Conservative Bandits"), in expected
 * target behaviours: what the learner's past choices for this person are worth by a cautious estimate
 * (the 2.5 % posterior quantile of each arm that was not the table's, the posterior mean where it was)
 * less (1 − α) × what the table's choices would have been worth on the same decisions (posterior means).
 * Non-negative while the learner has cost this person at most a share α of what the table would have
 * earned; each decision that follows the table adds α × its worth. Someone known only anonymously has
 * no history to spend from: 0.
 */
export function explorationBudget(input: {
  state: LearnerState;
  subject?: string;
  /** The table's action for today's decision (prices past skips on its channel). */
  today: LearningAction;
  alpha: number;
  config: PosteriorConfig;
}): number {
  const own = input.subject === undefined ? undefined : input.state.subjects.get(input.subject);
  if (!own) return 0;
  const posteriors = new Map<string, ArmPosterior>();
  const posterior = (barrier: Barrier, action: LearningAction) => {
    const key = armKey(barrier, action);
    let p = posteriors.get(key);
    if (!p) {
      p = armPosterior(input.state, input.subject, barrier, action, tableRank(barrier, action), input.config);
      posteriors.set(key, p);
    }
    return p;
  };
  let budget = 0;
  for (const [key, counts] of own) {
    if (isPooledKey(key)) continue;
    const { barrier, action } = parseArmKey(key);
    // An outcome with a block also counts under its technique arm: count each decision once.
    if (action.kind === 'send' && action.block) continue;
    const n = counts.achieved + counts.notAchieved;
    const table = tableArmFor(barrier, action, input.today);
    if (!n || !table) continue;
    const tableWorth = posterior(barrier, table).mean;
    budget +=
      actionKey(table) === actionKey(action)
        ? n * input.alpha * tableWorth
        : n * (posterior(barrier, action).interval[0] - (1 - input.alpha) * tableWorth);
  }
  return budget;
}
