import type { ArmPosterior } from './arm-posterior.js';
import type { LearningAction } from './learning-action.js';

/** One action the policy weighed, with its posterior and, where it sampled, the value drawn. */
export type Candidate = ArmPosterior & {
  action: LearningAction;
  key: string;
  tableRank: number | null;
  /** The value drawn from the posterior for this choice; null on a cold start (nothing is drawn). */
  sample: number | null;
};
