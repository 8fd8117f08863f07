import type { Channel } from './block.js';

/** What earlier runs tell about this subject (no personal data: ids, times, codes only). */
export type SubjectHistory = {
  /** Messages approved (and so sent) to the subject in the frequency window, newest first. */
  recentMessages: Array<{ at: string; channel: Channel; barrier: string; techniques: string[]; blockIds: string[] }>;
  /** Barriers diagnosed in earlier runs, newest first. */
  recentBarriers: Array<{ at: string; barrier: string; confidence: number }>;
};
