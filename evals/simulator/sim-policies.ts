import { DEFAULT_POSTERIOR, type PosteriorConfig } from '../../agents/learning/arm-posterior.js';
import { type LearningAction, SKIP } from '../../agents/learning/learning-action.js';
import { seededRandom } from '../../agents/learning/seeded-random.js';
import { tableAction } from '../../agents/learning/table-choice.js';
import { createLearningPolicy, DEFAULT_LEVERS, type LearningLevers } from './learning-policy.js';
import type { Decision, PolicyName, SimPolicy } from './sim-policy.js';
import { expectedSuccess } from './subject-response.js';

export { type Decision, POLICY_NAMES, type PolicyName, type SimPolicy } from './sim-policy.js';

/** The highest expected success among the allowed actions, skip first so ties send nothing. */
export function bestAction(decision: Decision): { action: LearningAction; p: number } {
  let best = { action: decision.allowed[0]!, p: Number.NEGATIVE_INFINITY };
  const ordered = [...decision.allowed].sort((a, b) => (a.kind === 'skip' ? -1 : b.kind === 'skip' ? 1 : 0));
  for (const action of ordered) {
    const p = expectedSuccess(decision.subject, decision.ctx, action);
    if (p > best.p) best = { action, p };
  }
  return best;
}

/** Builds the named policy; each has its own random stream derived from the run's seed. */
export function createPolicy(
  name: PolicyName,
  seed: number,
  posterior: PosteriorConfig = DEFAULT_POSTERIOR,
  levers: LearningLevers = DEFAULT_LEVERS,
): SimPolicy {
  switch (name) {
    case 'none':
      return { name, choose: () => SKIP };
    case 'table':
      return { name, choose: (d) => tableAction(d.diagnosed, d.allowed) };
    case 'random': {
      const random = seededRandom(`${seed}:random`);
      return { name, choose: (d) => d.allowed[Math.floor(random() * d.allowed.length)]! };
    }
    case 'oracle':
      return { name, choose: (d) => bestAction(d).action };
    case 'learning':
      return createLearningPolicy(seed, posterior, levers);
  }
}
