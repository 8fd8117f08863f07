import { interrupt } from '@langchain/langgraph';
import type { ComposeStateType } from '../state.js';
import { traced } from '../step-record.js';

export type ReviewResume = { decision: 'approve' | 'reject'; note: string | null; by: string; at: string };
export type ReviewInterrupt = { reviewId: string; reason: string };

export const reviewIdFor = (runId: string) => `rev_${runId.replace(/^msg_/, '')}`;

/** Holds the run at a LangGraph interrupt until a reviewer decides; the checkpointer keeps it across restarts. */
export function createHumanReviewNode() {
  return traced('human_review', 'reviewer', async (state: ComposeStateType) => {
    const reviewId = reviewIdFor(state.runId);
    const reason = state.holdReason ?? 'review';
    const decision = interrupt<ReviewInterrupt, ReviewResume>({ reviewId, reason });
    return {
      update: { reviewId, decision },
      input: { reviewId, reason },
      output: { decision: decision.decision, by: decision.by, at: decision.at, note: decision.note },
    };
  });
}
