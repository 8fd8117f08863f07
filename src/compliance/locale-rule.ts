import type { Rule } from '../domain/compliance.js';
import { canonicalLocale } from '../domain/locale.js';
import { fail, pass, plural } from './rule-result.js';

const NAME = 'locale';

/**
 * A message is in one language, the subject's: every block — greeting, barrier block, call to
 * action and safety information alike — must be approved for the subject's locale. A block of
 * another locale is reported by id and locale code (never text); another block of the subject's
 * locale may fix it, so it is fixable, and where none exists the run ends without a message.
 */
export const localeRule: Rule = {
  name: NAME,
  check({ blocks, locale }) {
    const want = canonicalLocale(locale) ?? locale;
    const others = blocks.filter((b) => (canonicalLocale(b.locale) ?? b.locale) !== want);
    if (others.length === 0) return pass(NAME, `all ${plural(blocks.length, 'block')} are in ${want}`);
    const named = others.map((b) => `${b.id} (${b.locale})`).join(', ');
    return fail(
      NAME,
      `${named} ${others.length === 1 ? 'is' : 'are'} not in the subject's locale ${want}`,
      true,
      others.map((b) => b.id),
    );
  },
};
