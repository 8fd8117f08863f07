import { z } from 'zod';
import { defineAssertion, verdict } from './define-assertion.js';

const compiles = (a: { pattern: string; flags?: string }) => {
  try {
    new RegExp(a.pattern, a.flags);
    return true;
  } catch {
    return false;
  }
};

const Args = z
  .strictObject({
    pattern: z.string().min(1),
    flags: z
      .string()
      .regex(/^[dgimsuvy]*$/, 'regex flags')
      .optional(),
  })
  .refine(compiles, { message: 'pattern is not a valid regular expression' });

/** The message body matches `pattern` (JavaScript syntax); a run that sent no message fails. */
export const regex = defineAssertion(Args, (outcome, { pattern, flags }) => {
  const body = outcome.answer.message?.body;
  if (body === undefined) return verdict(false, `no message (status ${outcome.answer.status})`);
  const matched = new RegExp(pattern, flags).test(body);
  return verdict(matched, `body ${matched ? 'matches' : 'does not match'} /${pattern}/${flags ?? ''}`);
});
