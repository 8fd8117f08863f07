import { z } from 'zod';
import { canonicalLocale, DEFAULT_LOCALE } from '../../src/domain/locale.js';
import { caseLocale } from '../case-locale.js';
import { defineAssertion, list, verdict } from './define-assertion.js';

/**
 * Every block of the message — greeting, barrier block, call to action, ISI — is in the locale the case
 * asked for (`value`, else the request's `subject.locale`, else en-US): no English block in a Spanish
 * message, and no Spanish one in an English message. Nothing sent mixes nothing. Needs the library.
 */
export const singleLocale = defineAssertion(
  z.strictObject({ value: z.string().optional() }),
  async (outcome, args, ctx) => {
    const ids = outcome.answer.message?.blocks.map((b) => b.id) ?? [];
    if (ids.length === 0) return verdict(true, `no message blocks (status ${outcome.answer.status})`);
    const expected = canonicalLocale(args.value ?? caseLocale(outcome.case.request)) ?? DEFAULT_LOCALE;
    if (!ctx.blockInfo) return verdict(false, 'cannot judge: no block facts from the library');
    const info = await ctx.blockInfo(ids);
    const unknown = ids.filter((id) => !info.some((b) => b.id === id));
    if (unknown.length) return verdict(false, `blocks not in the library: ${list(unknown)}`);
    const others = info.filter((b) => (canonicalLocale(b.locale ?? DEFAULT_LOCALE) ?? b.locale) !== expected);
    if (others.length === 0) return verdict(true, `all ${ids.length} blocks are in ${expected}`);
    const named = others.map((b) => `${b.id} (${b.locale ?? DEFAULT_LOCALE})`);
    return verdict(false, `${list(named)} not in ${expected}`, 1 - others.length / ids.length);
  },
);
