import type { LoadedSuite } from '../suite-schema.js';

/** A --filter tag no case carries: a typo would otherwise run nothing, or a different set, silently. */
export class UnknownTags extends Error {
  constructor(
    readonly unknown: string[],
    readonly known: string[],
  ) {
    super(`no case of the suite has the tag ${unknown.join(', ')}; known tags: ${known.join(', ')}`);
  }
}

/** Every tag the suite's cases carry, sorted. */
function knownTags(suite: LoadedSuite): string[] {
  return [...new Set(suite.cases.flatMap((c) => c.tags))].sort();
}

/** Throws UnknownTags when a filter names a tag no case has. */
export function checkFilterTags(suite: LoadedSuite, tags: string[] = []) {
  const known = knownTags(suite);
  const unknown = tags.filter((t) => !known.includes(t));
  if (unknown.length) throw new UnknownTags(unknown, known);
}
