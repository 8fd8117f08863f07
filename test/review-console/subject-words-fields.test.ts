import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NOT_WRITTEN_BY_THE_PERSON } from '../../agents/safety/free-texts.js';

// The console runs in the browser and cannot import the server's module, so it keeps its own copy of
// the fields triage skips. If the copies drift, a reviewer is shown less (or other) text than triage read.
describe('the review console shows the subject words triage read', () => {
  it('skips exactly the fields safety triage skips', () => {
    const source = readFileSync(new URL('../../src/review-console/client/run-parts.js', import.meta.url), 'utf8');
    const literal = /const NOT_WORDS = new Set\(\[([^\]]*)\]\)/.exec(source)?.[1];
    expect(literal, 'NOT_WORDS literal in run-parts.js').toBeDefined();
    const consoleFields = [...(literal ?? '').matchAll(/'([^']*)'/g)].map((m) => m[1]);
    expect(new Set(consoleFields)).toEqual(new Set(NOT_WRITTEN_BY_THE_PERSON));
  });
});
