import type { ComposeAnswer, Status } from '../domain/compose.js';
import type { RunState } from '../domain/run-state.js';

const REVIEW_CHECK = (decision: NonNullable<RunState['decision']>) => ({
  rule: 'review',
  passed: decision.decision === 'approve',
  detail: `a reviewer ${decision.decision === 'approve' ? 'approved' : 'rejected'} the message at ${decision.at}`,
});

/** The contract's answer, from the run's state; `message` only travels with approved or held runs. */
export function buildAnswer(
  s: RunState,
  review?: { id: string; reason: string },
  extra: { modelCalls: number; fallbacks: string[]; mode: 'offline' | 'model'; createdAt: string } = {
    modelCalls: 0,
    fallbacks: [],
    mode: 'offline',
    createdAt: new Date().toISOString(),
  },
): ComposeAnswer {
  const status: Status = s.status!;
  const checks = s.checks.map(({ rule, passed, detail }) => ({ rule, passed, detail }));
  if (s.decision) checks.push(REVIEW_CHECK(s.decision));
  const withMessage = status === 'approved' || status === 'needs_review';
  return {
    id: s.runId,
    status,
    diagnosis: s.diagnosis,
    strategy: s.strategy,
    message: withMessage ? s.message : null,
    compliance: {
      verdict: checks.every((c) => c.passed) ? 'pass' : 'fail',
      checks,
      ...(withMessage && s.readability ? { readability: s.readability } : {}),
    },
    ...(review ? { review } : {}),
    ...(s.context ? { locale: s.context.locale } : {}),
    traceId: s.traceId,
    engine: { mode: extra.mode, modelCalls: extra.modelCalls, fallbacks: extra.fallbacks },
    createdAt: extra.createdAt,
  };
}
