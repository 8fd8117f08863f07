import type { LearningAction } from '../../agents/learning/learning-action.js';
import type { Observed } from './observed-signals.js';
import type { SimBarrier, SubjectParams } from './population.js';
import type { DayContext } from './subject-response.js';

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
  /** The outcome of the action (the target behaviour happened that day or not) and what else was observable. */
  learn?(decision: Decision, action: LearningAction, achieved: boolean, observed: Observed): void;
}
