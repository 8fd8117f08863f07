import { traced } from '../../../agents/traced.js';
import type { RunState } from '../../domain/run-state.js';
import { holdReason, type RunPolicy, reviewIdFor } from '../run-policy.js';

/** Marks the run as waiting for a person, with the policy's reason, before the review interrupt. */
export function createHoldNode(policy: RunPolicy) {
  return traced('hold_for_review', null, async (state: RunState) => {
    const reviewId = reviewIdFor(state.runId);
    const reason = holdReason(state, policy);
    return {
      update: { status: 'needs_review' as const, reviewId, holdReason: reason },
      input: { round: state.round },
      output: { reviewId, reason },
    };
  });
}
