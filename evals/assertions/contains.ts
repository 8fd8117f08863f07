import { z } from 'zod';
import { defineAssertion, verdict } from './define-assertion.js';

// Case-insensitive unless asked: for not_contains a "Cure" must not slip past a ban on "cure".
export const TextArgs = z.strictObject({ value: z.string().min(1), case_sensitive: z.boolean().default(false) });

export function bodyIncludes(body: string, value: string, caseSensitive: boolean): boolean {
  return caseSensitive ? body.includes(value) : body.toLowerCase().includes(value.toLowerCase());
}

/** The message body contains `value`; a run that sent no message fails. */
export const contains = defineAssertion(TextArgs, (outcome, { value, case_sensitive }) => {
  const body = outcome.answer.message?.body;
  if (body === undefined) return verdict(false, `no message (status ${outcome.answer.status})`);
  const found = bodyIncludes(body, value, case_sensitive);
  return verdict(found, `body ${found ? 'contains' : 'does not contain'} ${JSON.stringify(value)}`);
});
