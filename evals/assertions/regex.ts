import { z } from 'zod';
import { testWithin } from './bounded-match.js';
import { defineAssertion, verdict } from './define-assertion.js';

// A suite may be uploaded by a user: its pattern must neither exhaust memory when compiled (huge
// counted repetitions, very long patterns) nor hold a run (catastrophic backtracking, stopped by the
// match's time budget).
const MAX_PATTERN = 500;
const MAX_COUNT = 1000;
const MATCH_BUDGET_MS = 200;

const compiles = (a: { pattern: string; flags?: string }) => {
  try {
    new RegExp(a.pattern, a.flags);
    return true;
  } catch {
    return false;
  }
};

/** Counted repetitions ({n}, {n,m}) up to MAX_COUNT only. */
const smallCounts = (pattern: string) =>
  [...pattern.matchAll(/\{(\d+)(?:,(\d*))?\}/g)].every((m) => m.slice(1).every((n) => !n || Number(n) <= MAX_COUNT));

const Args = z
  .strictObject({
    pattern: z.string().min(1).max(MAX_PATTERN),
    flags: z
      .string()
      .regex(/^[dgimsuvy]*$/, 'regex flags')
      .optional(),
  })
  // Compiled only once its counts are known small: the first check stops the second.
  .refine((a) => smallCounts(a.pattern), {
    message: `pattern repeats something more than ${MAX_COUNT} times`,
    abort: true,
  })
  .refine(compiles, { message: 'pattern is not a valid regular expression' });

/** The message body matches `pattern` (JavaScript syntax); a run that sent no message fails. */
export const regex = defineAssertion(Args, (outcome, { pattern, flags }) => {
  const body = outcome.answer.message?.body;
  if (body === undefined) return verdict(false, `no message (status ${outcome.answer.status})`);
  const matched = testWithin(new RegExp(pattern, flags), body, MATCH_BUDGET_MS);
  if (matched === undefined) return verdict(false, `/${pattern}/ took longer than ${MATCH_BUDGET_MS} ms; simplify it`);
  return verdict(matched, `body ${matched ? 'matches' : 'does not match'} /${pattern}/${flags ?? ''}`);
});
