import type { Rule } from '../domain/compliance.js';
import { prohibitedTermsIn } from './prohibited-terms.js';
import { fail, pass } from './rule-result.js';

const NAME = 'prohibited_claims';

/**
 * The body is checked as sent (approved content can still carry a term MLR would now
 * reject). Only the list's own labels are reported, never surrounding text.
 */
export const prohibitedClaimsRule: Rule = {
  name: NAME,
  check({ message, blocks }) {
    const found = prohibitedTermsIn(message.body);
    if (found.length === 0) return pass(NAME, 'no superlative, absolute or guarantee claims in the body');
    const ids = blocks.filter((b) => prohibitedTermsIn(b.text).length > 0).map((b) => b.id);
    const where = ids.length ? ` (in ${ids.join(', ')})` : '';
    return fail(NAME, `the body uses prohibited claim language: ${found.join(', ')}${where}`, true, ids);
  },
};
