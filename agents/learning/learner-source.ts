import type { LearnerState } from './outcome-counts.js';

/**
 * Where the strategy reads what the learner knows (the store implements it from recorded outcomes): the
 * programme's counts and, for a known subject, their own.
 */
export interface LearnerSource {
  state(program: string, subject?: string): Promise<LearnerState>;
}
