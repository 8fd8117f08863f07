import { z } from 'zod';
import { defineAssertion, verdict } from './define-assertion.js';

/** The body is at most `value` characters; nothing sent is short enough. The score falls with the overrun. */
export const maxLength = defineAssertion(z.strictObject({ value: z.number().int().min(1) }), (outcome, { value }) => {
  const length = outcome.answer.message?.body.length ?? 0;
  const pass = length <= value;
  return verdict(pass, `body is ${length} characters (max ${value})`, pass ? 1 : value / length);
});
