import { bodyIncludes, TextArgs } from './contains.js';
import { defineAssertion, verdict } from './define-assertion.js';

/** The message body does not contain `value`; nothing sent contains nothing. */
export const notContains = defineAssertion(TextArgs, (outcome, { value, case_sensitive }) => {
  const body = outcome.answer.message?.body ?? '';
  const found = bodyIncludes(body, value, case_sensitive);
  return verdict(!found, `body ${found ? 'contains' : 'does not contain'} ${JSON.stringify(value)}`);
});
