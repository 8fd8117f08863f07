import type { Status } from '../../compose/compose-schema.js';
import type { ComposeStateType } from '../state.js';
import { traced } from '../step-record.js';

/** Decides the run's final status from what the agents and (if any) the reviewer said. */
export function finalStatus(state: ComposeStateType): Status {
  // A reviewer can approve what the rules allow, never override a failing rule.
  if (state.decision) {
    const sendable = state.message !== null && state.checks.every((c) => c.passed);
    return state.decision.decision === 'approve' && sendable ? 'approved' : 'blocked';
  }
  if (state.diagnosis?.barrier === 'none' && !state.context?.escalation) return 'skipped';
  if (state.checks.some((c) => !c.passed)) return 'blocked';
  return state.message ? 'approved' : 'skipped';
}

export function createFinalizeNode() {
  return traced('finalize', null, async (state: ComposeStateType) => {
    const status = finalStatus(state);
    return {
      update: { status },
      input: { round: state.round, decision: state.decision?.decision ?? null },
      output: { status, failing: state.checks.filter((c) => !c.passed).map((c) => c.rule) },
    };
  });
}
