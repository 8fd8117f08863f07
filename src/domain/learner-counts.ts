/**
 * One row of a subject's own decided outcome counts, as the store keeps them: per barrier, leading
 * technique, channel and block set; the send-nothing arm is technique `skip` on no channel.
 */
export type SubjectOutcomeCount = {
  barrier: string;
  technique: string;
  channel: string | null;
  blockIds: string[];
  achieved: number;
  notAchieved: number;
};

/**
 * The subject's own outcome counts, for programmes whose learning is shadow or on: load_context reads them
 * beside the run history, so the learner adds no step of its own to a compose, and they are the store's as
 * of this run (never a cache another process could have made stale).
 */
export interface LearnerCountsSource {
  ownCounts(subjectId: string, program: string): Promise<SubjectOutcomeCount[]>;
}
