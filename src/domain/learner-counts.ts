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
 * The frequency count a run reads anyway, with the subject's own outcome counts in the same round trip,
 * for programmes whose learning is shadow or on: the learner then adds no read of its own to a compose,
 * and the counts are the store's as of this run (never a cache another process could have made stale).
 */
export interface LearnerPacingSource {
  sentWithCounts(
    subjectId: string,
    program: string,
    windowDays: number,
  ): Promise<{ sent: number; counts: SubjectOutcomeCount[] }>;
}
