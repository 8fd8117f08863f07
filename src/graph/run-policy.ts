import type { Status } from '../domain/compose.js';
import type { RunState } from '../domain/run-state.js';
import { mostSevere } from '../domain/safety.js';

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

/**
 * Why safety holds the run, or nothing: the most severe finding's kind with its signals, or the triage
 * engine's failure (a run nobody could triage is held, never let through). Only ever adds caution.
 */
function safetyHold(s: RunState): string | undefined {
  const safety = s.safety;
  if (!safety) return undefined;
  if (safety.error) return `safety_engine_error: ${safety.error}`;
  const kind = mostSevere(safety.findings);
  if (!kind) return undefined;
  const signals = [...new Set(safety.findings.filter((f) => f.kind === kind).map((f) => f.signalIndex))];
  const others = [...new Set(safety.findings.map((f) => f.kind))].filter((k) => k !== kind);
  return `${kind}: signals ${signals.map((i) => `[${i}]`).join(', ')}${others.length ? `; also ${others.join(', ')}` : ''}`;
}

/** Crisis language (or a triage nobody could complete) gets no programme message: only a crisis resource. */
const resourceOnly = (s: RunState) =>
  Boolean(s.safety?.error) || (s.safety?.findings.some((f) => f.kind === 'crisis') ?? false);

/** After triage: a run that may carry only a crisis resource skips persuasion altogether. */
export function afterTriage(s: RunState): 'propose_resource' | 'diagnose_barrier' {
  return resourceOnly(s) ? 'propose_resource' : 'diagnose_barrier';
}

/** After the resource proposal: a resource is checked like any message; either way a person decides. */
export function afterResource(s: RunState): 'check_compliance' | 'hold_for_review' {
  return s.message ? 'check_compliance' : 'hold_for_review';
}

/** After diagnosis: silence when there is nothing to address, unless a person must look. */
export function afterDiagnosis(s: RunState): 'plan_strategy' | 'finalize' {
  return s.diagnosis?.barrier === 'none' && !safetyHold(s) && !owesAcknowledgement(s) ? 'finalize' : 'plan_strategy';
}

/** After strategy: a learned choice to send nothing ends the run (skipped), unless a person must look. */
export function afterStrategy(s: RunState): 'assemble_message' | 'finalize' {
  const sendNothing = s.strategy?.techniques.length === 0 && s.diagnosis?.barrier !== 'none';
  return sendNothing && !safetyHold(s) && !owesAcknowledgement(s) ? 'finalize' : 'assemble_message';
}

/** No message: a person must still see a safety hold; a consent block or a failed revision ends here. */
export function afterAssembly(s: RunState): 'check_compliance' | 'hold_for_review' | 'finalize' {
  if (s.message) return 'check_compliance';
  if (safetyHold(s)) return 'hold_for_review';
  return s.round > 0 || s.checks.some((c) => !c.passed) ? 'finalize' : 'hold_for_review';
}

/** After compliance: revise when the agent asked to, hold when a person must decide, else finish. */
export function afterCompliance(policy: RunPolicy) {
  return (s: RunState): 'assemble_message' | 'hold_for_review' | 'finalize' => {
    // A crisis resource is never swapped for a programme message, whatever the rules found.
    if (resourceOnly(s)) return 'hold_for_review';
    if (s.revise) return 'assemble_message';
    // A safety finding always reaches a person, even when the message itself cannot be sent.
    if (s.checks.some((c) => !c.passed)) return safetyHold(s) ? 'hold_for_review' : 'finalize';
    return s.holdReason || safetyHold(s) || lowConfidence(s, policy) ? 'hold_for_review' : 'finalize';
  };
}

/** Why the run waits: safety first, then missing content, or a diagnosis too uncertain to act on. */
export function holdReason(s: RunState, policy: RunPolicy): string {
  const safety = safetyHold(s);
  if (safety) return safety;
  if (s.holdReason) return s.holdReason;
  const confidence = s.diagnosis?.confidence ?? 0;
  return lowConfidence(s, policy)
    ? `low_confidence: ${s.diagnosis?.barrier ?? 'unknown'} at ${confidence.toFixed(2)} (below ${policy.reviewBelow})`
    : 'review';
}

/** After crisis language a reviewer may send only approved crisis resources, whatever else was proposed. */
export const onlyResources = (s: RunState) =>
  !resourceOnly(s) || (s.usedBlocks.length > 0 && s.usedBlocks.every((b) => b.kind === 'resource'));

/** What a reviewer's approval may send: anything the rules pass, and after crisis only crisis resources. */
const sendable = (s: RunState) => s.message !== null && s.checks.every((c) => c.passed) && onlyResources(s);

/** How the run ends, from what the agents and (if any) the reviewer said. */
export function finalStatus(s: RunState): Status {
  // A reviewer can approve what the rules allow, never override a failing rule or a crisis.
  if (s.decision) return s.decision.decision === 'approve' && sendable(s) ? 'approved' : 'blocked';
  if (s.diagnosis?.barrier === 'none' && !safetyHold(s) && !owesAcknowledgement(s)) return 'skipped';
  if (s.checks.some((c) => !c.passed)) return 'blocked';
  return s.message ? 'approved' : 'skipped';
}
