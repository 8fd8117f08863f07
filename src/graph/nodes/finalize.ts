import { traced } from '../../../agents/traced.js';
import { fail } from '../../compliance/rule-result.js';
import type { RunState } from '../../domain/run-state.js';
import { finalStatus, onlyResources } from '../run-policy.js';

export function createFinalizeNode() {
  return traced('finalize', null, async (state: RunState) => {
    const status = finalStatus(state);
    // An approval of anything but a crisis resource after crisis language is refused, and the answer says why.
    const refused =
      state.decision?.decision === 'approve' && !onlyResources(state)
        ? [fail('safety', 'crisis language: only an approved crisis resource (kind resource) may be sent', false)]
        : [];
    return {
      update: { status, ...(refused.length ? { checks: [...state.checks, ...refused] } : {}) },
      input: { round: state.round, decision: state.decision?.decision ?? null },
      output: {
        status,
        failing: [...state.checks, ...refused].filter((c) => !c.passed).map((c) => c.rule),
      },
    };
  });
}
