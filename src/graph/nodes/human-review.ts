import { interrupt } from '@langchain/langgraph';
import type { ComposeStateType } from '../state.js';
import { traced } from '../step-record.js';

export type ReviewResume = { decision: 'approve' | 'reject'; note: string | null; by: string; at: string };
export type ReviewInterrupt = { reviewId: string; reason: string };

export const reviewIdFor = (runId: string) => `rev_${runId.replace(/^msg_/, '')}`;

/** Holds the run at a LangGraph interrupt until a reviewer decides; the checkpointer keeps it across restarts. */
/** Why the run waits: a rule's escalation, missing content, or a diagnosis too uncertain to act on. */
export function holdReason(state: ComposeStateType, reviewBelow: number): string {
  if (state.context?.escalation) return state.context.escalation;
  if (state.holdReason) return state.holdReason;
  const confidence = state.diagnosis?.confidence ?? 0;
  return confidence < reviewBelow
    ? `low_confidence: ${state.diagnosis?.barrier ?? 'unknown'} at ${confidence.toFixed(2)} (below ${reviewBelow})`
    : 'review';
}

export function createHumanReviewNode(deps: { reviewBelow: number }) {
  return traced('human_review', 'reviewer', async (state: ComposeStateType) => {
    const reviewId = reviewIdFor(state.runId);
    const reason = holdReason(state, deps.reviewBelow);
    const decision = interrupt<ReviewInterrupt, ReviewResume>({ reviewId, reason });
    return {
      update: { reviewId, decision },
      input: { reviewId, reason },
      output: { decision: decision.decision, by: decision.by, at: decision.at, note: decision.note },
    };
  });
}
