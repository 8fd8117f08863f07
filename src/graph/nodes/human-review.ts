import { interrupt } from '@langchain/langgraph';
import { traced } from '../../../agents/traced.js';
import type { ReviewDecision, RunState } from '../../domain/run-state.js';

export type ReviewInterrupt = { reviewId: string; reason: string };

/** Waits at a LangGraph interrupt until a reviewer decides; the checkpointer keeps it across restarts. */
export function createHumanReviewNode() {
  return traced('human_review', 'reviewer', async (state: RunState) => {
    const reviewId = state.reviewId!;
    const reason = state.holdReason!;
    const decision = interrupt<ReviewInterrupt, ReviewDecision>({ reviewId, reason });
    return {
      update: { decision },
      input: { reviewId, reason },
      output: { decision: decision.decision, by: decision.by, at: decision.at, note: decision.note },
    };
  });
}
