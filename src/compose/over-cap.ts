import { checkFrequency } from '../compliance/frequency-rule.js';
import type { ComposeAnswer } from '../domain/compose.js';
import type { CapRecheck } from '../store/runs-repo.js';
import type { TraceRecord } from '../store/trace-repo.js';

type Pacing = { cap: number; windowDays: number };

/**
 * The cap as the run records it: the frequency rule judged again on the count taken under the subject's
 * lock. Past the cap the approved answer becomes `blocked` with `frequency` failing (no message), and
 * the trace gains a step that says why the recorded status differs from what the graph decided.
 */
export function capRecheck(answer: ComposeAnswer, pacing: Pacing): CapRecheck {
  return {
    windowDays: pacing.windowDays,
    settle(sentInWindow) {
      const frequency = { sentInWindow, cap: pacing.cap, windowDays: pacing.windowDays };
      const check = checkFrequency(frequency);
      if (check.passed) return undefined;
      const failing = { rule: check.rule, passed: false, detail: check.detail };
      const listed = answer.compliance.checks.some((c) => c.rule === check.rule);
      const checks = listed
        ? answer.compliance.checks.map((c) => (c.rule === check.rule ? failing : c))
        : [...answer.compliance.checks, failing];
      const { readability: _readability, ...compliance } = answer.compliance;
      const blocked: ComposeAnswer = {
        ...answer,
        status: 'blocked',
        message: null,
        compliance: { ...compliance, verdict: 'fail', checks },
      };
      const step: TraceRecord = {
        kind: 'step',
        record: {
          node: 'record_run',
          agent: null,
          startedAt: new Date().toISOString(),
          durationMs: 0,
          input: { status: answer.status, ...frequency },
          output: {
            status: 'blocked',
            failing: [check.rule],
            reason: 'the cap was reached by runs recorded meanwhile',
          },
          engine: 'offline',
          toolCalls: [],
          modelCalls: [],
        },
      };
      return { answer: blocked, trace: [step] };
    },
  };
}
