import type { ComposeAnswer } from '../../src/compose/compose-schema.js';
import type { LoadedCase } from '../suite-schema.js';

export type AssertionResult = { pass: boolean; score: number; reason: string; skipped?: boolean };

/** What one case produced, for assertions to judge. */
export type CaseOutcome = {
  case: LoadedCase;
  answer: ComposeAnswer;
  /** GET /v1/traces/{traceId} of the run (steps, answer), when available. */
  trace?: unknown;
  latencyMs: number;
  /** Personal values seeded in the case's request (subject extra fields, identifiers in free text). */
  personalValues: string[];
};

export type AssertionContext = {
  /** A grader model, when one is configured (for llm_rubric). */
  grader?: { grade(rubric: string, output: string): Promise<{ pass: boolean; score: number; reason: string }> };
};

/** An assertion: a small function of the outcome and its arguments from the suite file. */
export type AssertionFn = (
  outcome: CaseOutcome,
  args: Record<string, unknown>,
  ctx: AssertionContext,
) => AssertionResult | Promise<AssertionResult>;
