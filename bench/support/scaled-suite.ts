import type { LoadedCase, LoadedSuite } from '../../evals/suite-schema.js';

/**
 * The shipped default suite (barrier corpus, compliance red team, readability, clinician cases on the demo
 * library) repeated to `n` cases: each copy's case ids and subject ids carry the copy number, so copies never
 * share a subject's history, while cases that share a subject within one copy still do.
 */
export function scaled(suite: LoadedSuite, n: number): LoadedSuite {
  const cases: LoadedCase[] = [];
  for (let copy = 0; cases.length < n; copy++) {
    for (const c of suite.cases) {
      if (cases.length === n) break;
      const request = c.request as { subject: { id: string } };
      cases.push({
        ...c,
        id: `${c.id}~${copy}`,
        request: { ...request, subject: { ...request.subject, id: `${request.subject.id}-copy${copy}` } },
      });
    }
  }
  return { ...suite, name: `${suite.name}-x${n}`, cases };
}
