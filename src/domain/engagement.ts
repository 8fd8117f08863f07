/** How the subject has been engaging lately, for their own limits (the `preferences` rule). */
export type Engagement = {
  /** Messages sent to the subject in the last 7 days, every programme included. */
  sentLast7Days: number;
  lastSentAt: string | null;
  /** The programme's latest sent messages in a row with no open, click, reply or target behaviour. */
  unansweredStreak: number;
  /** Messages of this programme sent since `since` (the informed choice), if asked. */
  sentSince: number;
};
