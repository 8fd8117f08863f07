import { checkFrequency } from '../compliance/frequency-rule.js';
import type { ComposeAnswer } from '../domain/compose.js';
import type { CapRecheck, SentCounts } from '../store/runs-repo.js';
import type { TraceRecord } from '../store/trace-repo.js';

/** The programme's cap and, when the subject set one, their own maximum of messages in 7 days. */
type Pacing = { cap: number; windowDays: number; maxPerWeek?: number };

type Failing = { rule: string; passed: false; detail: string };

/** The first limit the counts taken under the lock break, as the check the answer should show failing. */
function brokenLimit(sent: SentCounts, pacing: Pacing): Failing | undefined {
  const check = checkFrequency({ sentInWindow: sent.inWindow, cap: pacing.cap, windowDays: pacing.windowDays });
  if (!check.passed) return { rule: check.rule, passed: false, detail: check.detail };
  if (pacing.maxPerWeek !== undefined && sent.lastWeek >= pacing.maxPerWeek) {
    const detail = `${sent.lastWeek} messages in 7 days reach the subject's own maximum of ${pacing.maxPerWeek}`;
    return { rule: 'preferences', passed: false, detail };
  }
  return undefined;
}

/**
 * The limits as the run records them: the frequency cap and the subject's weekly maximum judged again on
 * counts taken under the subject's lock. Past a limit the approved answer becomes `blocked` with that
 * check failing (no message), and the trace gains a step that says why the recorded status differs from
 * what the graph decided.
 */
export function capRecheck(answer: ComposeAnswer, pacing: Pacing): CapRecheck {
  return {
    windowDays: pacing.windowDays,
    settle(sent) {
      const failing = brokenLimit(sent, pacing);
      if (!failing) return undefined;
      const listed = answer.compliance.checks.some((c) => c.rule === failing.rule);
      const checks = listed
        ? answer.compliance.checks.map((c) => (c.rule === failing.rule ? failing : c))
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
          input: {
            status: answer.status,
            ...sent,
            cap: pacing.cap,
            windowDays: pacing.windowDays,
            maxPerWeek: pacing.maxPerWeek ?? null,
          },
          output: {
            status: 'blocked',
            failing: [failing.rule],
            reason: 'a limit was reached by runs recorded meanwhile',
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
