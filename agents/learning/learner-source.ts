import type { SubjectLearnerCounts } from '../../src/domain/learner-counts.js';
import type { OpenState } from './channel-opens.js';
import type { LearnerState } from './outcome-counts.js';

/** What the learner knows for one compose: outcome counts per arm, and opens per channel (channel-opens.ts). */
export type LearnerKnowledge = LearnerState & { opens: OpenState };

/**
 * Where the strategy reads what the learner knows (the store implements it from recorded outcomes and
 * opens): the programme's counts and, for a known subject, their own (`own` when the run has read them
 * already, beside its run history, so no second read is made).
 */
export interface LearnerSource {
  state(program: string, subject?: string, own?: SubjectLearnerCounts): Promise<LearnerKnowledge>;
}
