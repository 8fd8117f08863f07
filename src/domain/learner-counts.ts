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

/** Sent messages on one open-tracked channel (email, push, web) with and without a `message_opened` event. */
export type ChannelOpenCount = { channel: string; opened: number; unopened: number };

/** What a compose reads of the subject for the learner, in one query: their outcome counts and their opens. */
export type SubjectLearnerCounts = { outcomes: SubjectOutcomeCount[]; opens: ChannelOpenCount[] };

/**
 * The subject's own counts, for programmes whose learning is shadow or on: load_context reads them
 * beside the run history, so the learner adds no step of its own to a compose, and they are the store's as
 * of this run (never a cache another process could have made stale).
 */
export interface LearnerCountsSource {
  ownCounts(subjectId: string, program: string): Promise<SubjectLearnerCounts>;
}
