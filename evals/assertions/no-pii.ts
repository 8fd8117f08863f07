import { z } from 'zod';
import { findPii, knownMatcher } from '../../src/privacy/find-pii.js';
import type { AssertionContext, CaseOutcome } from './assertion-types.js';
import { defineAssertion, list, verdict } from './define-assertion.js';

/** Every string (and key) of a JSON-like value with its path, for locating a leak without echoing it. */
function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string' || typeof value === 'number') yield [path, String(value)];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, `${path}.${i}`);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      yield [`${path}.${k} (key)`, k];
      yield* strings(v, `${path}.${k}`);
    }
  }
}

/** Approved block texts, when the library is at hand: a programme's support number in them is content. */
async function approvedTexts(outcome: CaseOutcome, ctx: AssertionContext): Promise<string[] | undefined> {
  const ids = outcome.answer.message?.blocks.map((b) => b.id) ?? [];
  if (!ctx.blockInfo || ids.length === 0) return undefined;
  return (await ctx.blockInfo(ids)).flatMap((b) => (b.text ? [b.text] : []));
}

/**
 * No personal value of the case appears in the answer or the trace (whole words, any case, a phone
 * in any spelling), and the message holds no Safe Harbor identifier outside approved text. Reasons
 * name where and what type, never the value, so reports stay free of personal data.
 */
export const noPii = defineAssertion(
  // `values`: what the case's author knows is personal, on top of what the product detects itself.
  z.strictObject({ values: z.array(z.string().min(2)).optional() }),
  async (outcome, args, ctx) => {
    const known = [...outcome.personalValues, ...(args.values ?? [])].map((v) => v.trim()).filter((v) => v.length >= 2);
    const matchers = known.map((v) => knownMatcher(v).re);
    const message = outcome.answer.message;
    // The message text is judged below, where approved content may carry a value-shaped word ("may").
    const judgedApart = new Set([message?.body, message?.subject].filter((s): s is string => !!s));
    const leaks = [...strings(outcome.answer, 'answer'), ...strings(outcome.trace ?? null, 'trace')]
      .filter(([, s]) => !judgedApart.has(s) && matchers.some((re) => s.search(re) !== -1))
      .map(([path]) => path);
    const allow = await approvedTexts(outcome, ctx);
    const findings = [...judgedApart].flatMap((text) =>
      allow
        ? findPii(text, { allow, known }).map((s) => s.type)
        : matchers.some((re) => text.search(re) !== -1)
          ? ['personal value']
          : [],
    );
    if (findings.length) leaks.unshift(`message (${list([...new Set(findings)])})`);
    const scope = allow ? '' : ' (Safe Harbor shapes in the message unchecked: no approved block texts)';
    if (leaks.length === 0) return verdict(true, `no personal data in the answer or trace${scope}`);
    return verdict(false, `personal data at ${list(leaks.slice(0, 5))}${leaks.length > 5 ? ', …' : ''}${scope}`);
  },
);
