import { caseLocale } from '../case-locale.js';
import type { LoadedCase } from '../suite-schema.js';
import { expectedBarrier } from './expected-barrier.js';
import type { Attempt, CaseResult } from './run-types.js';

/** What must stay the same between repeats of a case: the answer's shape and every assertion's verdict. */
function signature(a: Attempt) {
  const failed = a.assertions.filter((x) => !x.pass && !x.skipped).map((x) => x.name);
  return {
    status: a.error ? 'error' : a.status,
    barrier: a.barrier,
    blockIds: [...a.blockIds].sort(),
    failed,
  };
}

/**
 * One case's attempts folded into its result: the first attempt's answer, failing when any attempt failed,
 * and flaky (with each distinct answer counted) when repeats answered differently.
 */
export function collapseAttempts(c: LoadedCase, attempts: Attempt[]): CaseResult {
  const first = attempts[0]!;
  const variants = new Map<string, { count: number } & ReturnType<typeof signature>>();
  for (const a of attempts) {
    const sig = signature(a);
    const key = JSON.stringify(sig);
    const seen = variants.get(key);
    if (seen) seen.count++;
    else variants.set(key, { count: 1, ...sig });
  }
  const expected = expectedBarrier(c.assert, first.barrier);
  return {
    id: c.id,
    ...(first.input ? { input: first.input } : {}),
    ...(first.output !== undefined ? { output: first.output } : {}),
    tags: c.tags,
    source: c.source,
    status: first.status,
    barrier: first.barrier,
    ...(expected ? { expectedBarrier: expected } : {}),
    locale: caseLocale(c.request),
    blockIds: first.blockIds,
    assertions: first.assertions,
    pass: attempts.every((a) => a.pass),
    latencyMs: first.latencyMs,
    ...(first.error ? { error: first.error } : {}),
    attempts: attempts.length,
    ...(variants.size > 1 ? { flaky: [...variants.values()] } : {}),
  };
}
