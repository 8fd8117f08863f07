import type { SubjectOutcomeCount } from '../../src/domain/learner-counts.js';
import type { LearnerState } from './outcome-counts.js';

/**
 * Where the strategy reads what the learner knows (the store implements it from recorded outcomes): the
 * programme's counts and, for a known subject, their own (`own` when the run has read them already,
 * beside its run history, so no second read is made).
 */
export interface LearnerSource {
  state(program: string, subject?: string, own?: readonly SubjectOutcomeCount[]): Promise<LearnerState>;
}
