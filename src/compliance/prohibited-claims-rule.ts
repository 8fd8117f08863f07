import type { Rule } from '../domain/compliance.js';
import { prohibitedTermsIn } from './prohibited-terms.js';
import { fail, pass } from './rule-result.js';

const NAME = 'prohibited_claims';

/**
 * The body is checked as sent (approved content can still carry a term MLR would now reject), in
 * every language it may be in: the subject's locale and each listed block's. A locale without a
 * term list cannot be checked, so the rule fails closed for it. Only the lists' own labels are
 * reported, never surrounding text.
 */
export const prohibitedClaimsRule: Rule = {
  name: NAME,
  check({ message, blocks, locale }) {
    const locales = [...new Set([locale, ...blocks.map((b) => b.locale)])];
    const unread = locales.filter((l) => prohibitedTermsIn('', l) === undefined);
    if (unread.length) {
      return fail(NAME, `no prohibited-claims list for ${unread.join(', ')}: the body cannot be checked`, false);
    }
    const termsOf = (text: string, ls: string[]) => [...new Set(ls.flatMap((l) => prohibitedTermsIn(text, l)!))];
    const found = termsOf(message.body, locales);
    if (found.length === 0)
      return pass(NAME, `no superlative, absolute or guarantee claims in the body (${locales.join(', ')})`);
    const ids = blocks.filter((b) => termsOf(b.text, [locale, b.locale]).length > 0).map((b) => b.id);
    const where = ids.length ? ` (in ${ids.join(', ')})` : '';
    return fail(NAME, `the body uses prohibited claim language: ${found.join(', ')}${where}`, true, ids);
  },
};
