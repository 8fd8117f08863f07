import { traced } from '../../../agents/traced.js';
import { fail } from '../../compliance/rule-result.js';
import type { RunState } from '../../domain/run-state.js';
import { finalStatus, onlyResources } from '../run-policy.js';

export function createFinalizeNode() {
  return traced('finalize', null, async (state: RunState) => {
    const status = finalStatus(state);
    // An approval the run cannot honour is refused, and the answer says why (a blocked answer names its rule):
    // anything but a crisis resource after crisis language, or a hold with no message at all (a content gap).
    const approved = state.decision?.decision === 'approve';
    const refused = [
      ...(approved && !onlyResources(state)
        ? [fail('safety', 'crisis language: only an approved crisis resource (kind resource) may be sent', false)]
        : []),
      ...(approved && state.message === null
        ? [fail('approved_content', 'nothing to send: no approved block was assembled for this run', false)]
        : []),
    ];
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
