import { DEFAULT_POSTERIOR, type PosteriorConfig } from '../../agents/learning/arm-posterior.js';
import { type LearningAction, SKIP } from '../../agents/learning/learning-action.js';
import { createLearnerState, recordOutcome } from '../../agents/learning/outcome-counts.js';
import { seededRandom } from '../../agents/learning/seeded-random.js';
import { tableAction } from '../../agents/learning/table-choice.js';
import { chooseAction } from '../../agents/learning/thompson-choice.js';
import type { SimBarrier, SubjectParams } from './population.js';
import { type DayContext, expectedSuccess } from './subject-response.js';

export const POLICY_NAMES = ['none', 'table', 'random', 'learning', 'oracle'] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];

/** One decision: what every policy may see (the oracle also reads the hidden parameters). */
export type Decision = {
  subject: SubjectParams;
  ctx: DayContext;
  /** The barrier the diagnosis names today (right with the diagnosis accuracy, else another one). */
  diagnosed: SimBarrier;
  /** Skip plus what the cap, consents and the content allow; only skip once the cap is reached. */
  allowed: readonly LearningAction[];
};

export interface SimPolicy {
  readonly name: PolicyName;
  choose(decision: Decision): LearningAction;
  /** The outcome of the action: the target behaviour happened that day or not. */
  learn?(decision: Decision, action: LearningAction, achieved: boolean): void;
}

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
    case 'learning': {
      // One learner for the whole simulated programme: every subject's outcomes feed the programme
      // prior of the others, as they would in production.
      const state = createLearnerState();
      const random = seededRandom(`${seed}:learning`);
      return {
        name,
        choose: (d) =>
          chooseAction({
            state,
            subject: d.subject.id,
            barrier: d.diagnosed,
            allowed: d.allowed,
            random,
            config: posterior,
          }).action,
        learn: (d, action, achieved) =>
          recordOutcome(state, { subject: d.subject.id, barrier: d.diagnosed, action, achieved }),
      };
    }
  }
}
