import { z } from 'zod';
import { knownMatcher } from '../../src/privacy/find-pii.js';
import type { CaseOutcome } from './assertion-types.js';
import { defineAssertion, verdict } from './define-assertion.js';

export const NO_GRADER_REASON = 'skipped: no grader model configured (NOF1_MODEL_BASE_URL)';

/** What the grader reads: the outcome a recipient would see, with the case's personal values masked. */
function gradedOutput(outcome: CaseOutcome): string {
  const { answer } = outcome;
  const output = JSON.stringify({
    status: answer.status,
    barrier: answer.diagnosis?.barrier ?? null,
    channel: answer.message?.channel ?? null,
    body: answer.message?.body ?? null,
  });
  return outcome.personalValues
    .filter((v) => v.trim().length >= 2)
    .reduce((text, v) => text.replace(knownMatcher(v.trim()).re, '[PERSONAL]'), output);
}

/**
 * A model grades the outcome against `rubric`. With no grader the result is skipped and failing,
 * never a silent pass: a gate must not hold because nobody looked.
 */
export const llmRubric = defineAssertion(z.strictObject({ rubric: z.string().min(1) }), async (outcome, args, ctx) => {
  if (!ctx.grader) return { ...verdict(false, NO_GRADER_REASON), skipped: true };
  const graded = await ctx.grader.grade(args.rubric, gradedOutput(outcome));
  const score = Math.min(1, Math.max(0, graded.score));
  return verdict(graded.pass, `grader: ${graded.reason}`, score);
});
