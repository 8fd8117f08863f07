import type { ZodType } from 'zod';
import type { ComposeAnswer } from '../../src/domain/compose.js';
import type { LoadedCase } from '../suite-schema.js';

/** `skipped` marks a result that could not be judged (no grader model); summaries count it apart, never as a pass. */
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

/** What the content library says about one block; `text` lets no_pii allow a programme's own approved text. */
export type BlockInfo = {
  id: string;
  kind: string;
  requiresIsi: boolean;
  text?: string;
  brand?: string;
  /** The block's locale, so a message mixing languages (or a claim with another language's ISI) is seen. */
  locale?: string;
};

export type Grader = {
  grade(rubric: string, output: string): Promise<{ pass: boolean; score: number; reason: string }>;
};

export type AssertionContext = {
  /** A grader model, when one is configured (for llm_rubric). */
  grader?: Grader;
  /** The library's facts about blocks (fair_balance, no_pii); ids it does not know are left out. */
  blockInfo?: (ids: string[]) => Promise<BlockInfo[]>;
};

/**
 * An assertion: a small function of the outcome and its arguments from the suite file. `args`, when
 * present, is the arguments' schema, so the suite loader can reject a bad argument with its line.
 */
export type AssertionFn = ((
  outcome: CaseOutcome,
  args: Record<string, unknown>,
  ctx: AssertionContext,
) => AssertionResult | Promise<AssertionResult>) & { args?: ZodType };
