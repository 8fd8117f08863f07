import { z } from 'zod';
import { formatIssue } from '../format-issue.js';
import type { AssertionContext, AssertionFn, AssertionResult, CaseOutcome } from './assertion-types.js';

type Judge<A> = (outcome: CaseOutcome, args: A, ctx: AssertionContext) => AssertionResult | Promise<AssertionResult>;

/**
 * An assertion whose arguments are parsed by `args` before it judges. The schema rides on the
 * function, so the suite loader rejects a bad argument at load time with its file and line.
 */
export function defineAssertion<S extends z.ZodType>(args: S, judge: Judge<z.output<S>>): AssertionFn {
  const fn = (outcome: CaseOutcome, raw: Record<string, unknown>, ctx: AssertionContext) => {
    const parsed = args.safeParse(raw);
    if (!parsed.success) throw new Error(`invalid arguments: ${formatIssue(parsed.error.issues[0]!)}`);
    return judge(outcome, parsed.data, ctx);
  };
  return Object.assign(fn, { args });
}

export const verdict = (pass: boolean, reason: string, score = pass ? 1 : 0): AssertionResult => ({
  pass,
  score,
  reason,
});

/** `{value: x}` or `{one_of: [x, y]}` (names vary): exactly one of the two, read as a list. */
export function oneOrMany<T extends z.ZodType>(item: T, one: string, many: string) {
  return z
    .strictObject({ [one]: item.optional(), [many]: z.array(item).min(1).optional() })
    .refine((a) => (a[one] === undefined) !== (a[many] === undefined), { message: `give either ${one} or ${many}` })
    .transform((a) => (a[one] !== undefined ? [a[one]] : a[many]) as z.output<T>[]);
}

/** The share of `items` that satisfy `ok`, for assertions over several ids or codes. */
export function share<T>(items: T[], ok: (item: T) => boolean): { score: number; missing: T[] } {
  const missing = items.filter((i) => !ok(i));
  return { score: items.length ? (items.length - missing.length) / items.length : 1, missing };
}

export const list = (xs: unknown[]) => xs.map(String).join(', ');
