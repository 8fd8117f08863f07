import { traced } from '../../../agents/traced.js';
import type { RunState } from '../../domain/run-state.js';
import { finalStatus } from '../run-policy.js';

export function createFinalizeNode() {
  return traced('finalize', null, async (state: RunState) => {
    const status = finalStatus(state);
    return {
      update: { status },
      input: { round: state.round, decision: state.decision?.decision ?? null },
      output: { status, failing: state.checks.filter((c) => !c.passed).map((c) => c.rule) },
    };
  });
}
