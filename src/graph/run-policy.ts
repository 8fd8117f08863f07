import type { Status } from '../domain/compose.js';
import type { RunState } from '../domain/run-state.js';

/**
 * The one place that decides where a run goes next, why it waits for a person, and how it ends.
 * Edges and nodes ask it; they read state, never trace records.
 */
export type RunPolicy = {
  /** Below this diagnosis confidence a person decides (an approved clarifying question is proposed). */
  reviewBelow: number;
};

/**
 * The offline engine is cautious on behaviour-only evidence (about 0.4–0.6 when right), so 0.4 holds
 * the genuinely ambiguous runs without holding every behavioural one.
 */
export const DEFAULT_RUN_POLICY: RunPolicy = { reviewBelow: 0.4 };

export const reviewIdFor = (runId: string) => `rev_${runId.replace(/^msg_/, '')}`;

const lowConfidence = (s: RunState, policy: RunPolicy) => (s.diagnosis?.confidence ?? 0) < policy.reviewBelow;
/** An informed choice not yet acknowledged: the programme says so once, whatever the diagnosis found. */
const owesAcknowledgement = (s: RunState) => s.context?.preferences?.informedChoice?.acknowledged === false;

/** After diagnosis: silence when there is nothing to address, unless a person must look. */
export function afterDiagnosis(s: RunState): 'plan_strategy' | 'finalize' {
  return s.diagnosis?.barrier === 'none' && !s.context?.escalation && !owesAcknowledgement(s)
    ? 'finalize'
    : 'plan_strategy';
}

/** After strategy: a learned choice to send nothing ends the run (skipped), unless a person must look. */
export function afterStrategy(s: RunState): 'assemble_message' | 'finalize' {
  const sendNothing = s.strategy?.techniques.length === 0 && s.diagnosis?.barrier !== 'none';
  return sendNothing && !s.context?.escalation && !owesAcknowledgement(s) ? 'finalize' : 'assemble_message';
}

/** No message: a person must still see an escalation; a consent block or a failed revision ends here. */
export function afterAssembly(s: RunState): 'check_compliance' | 'hold_for_review' | 'finalize' {
  if (s.message) return 'check_compliance';
  if (s.context?.escalation) return 'hold_for_review';
  return s.round > 0 || s.checks.some((c) => !c.passed) ? 'finalize' : 'hold_for_review';
}

/** After compliance: revise when the agent asked to, hold when a person must decide, else finish. */
export function afterCompliance(policy: RunPolicy) {
  return (s: RunState): 'assemble_message' | 'hold_for_review' | 'finalize' => {
    if (s.revise) return 'assemble_message';
    // Crisis language always reaches a person, even when the message itself cannot be sent.
    if (s.checks.some((c) => !c.passed)) return s.context?.escalation ? 'hold_for_review' : 'finalize';
    return s.holdReason || s.context?.escalation || lowConfidence(s, policy) ? 'hold_for_review' : 'finalize';
  };
}

/** Why the run waits: an escalation, missing content, or a diagnosis too uncertain to act on. */
export function holdReason(s: RunState, policy: RunPolicy): string {
  if (s.context?.escalation) return s.context.escalation;
  if (s.holdReason) return s.holdReason;
  const confidence = s.diagnosis?.confidence ?? 0;
  return lowConfidence(s, policy)
    ? `low_confidence: ${s.diagnosis?.barrier ?? 'unknown'} at ${confidence.toFixed(2)} (below ${policy.reviewBelow})`
    : 'review';
}

/** How the run ends, from what the agents and (if any) the reviewer said. */
export function finalStatus(s: RunState): Status {
  // A reviewer can approve what the rules allow, never override a failing rule.
  if (s.decision) {
    const sendable = s.message !== null && s.checks.every((c) => c.passed);
    return s.decision.decision === 'approve' && sendable ? 'approved' : 'blocked';
  }
  if (s.diagnosis?.barrier === 'none' && !s.context?.escalation && !owesAcknowledgement(s)) return 'skipped';
  if (s.checks.some((c) => !c.passed)) return 'blocked';
  return s.message ? 'approved' : 'skipped';
}
