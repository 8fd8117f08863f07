import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NAME_CUES } from '../../src/privacy/name-cues.js';
import { PII_PATTERNS } from '../../src/privacy/pii-patterns.js';
import { matchesOf } from '../../src/privacy/regex-matches.js';

const summary = (ms: Iterable<RegExpMatchArray>) =>
  [...ms].map((m) => ({ index: m.index, text: m[0], groups: m.groups, indices: m.indices }));

// The v flag from a variable: tsc targets ES2022, which has no literal for it.
const UNICODE_SETS = 'gv';
// Empty matches, Unicode and surrogate pairs, sticky-free lookbehind: where a hand-written loop goes wrong.
const EDGE_PATTERNS = [
  /x*/g,
  /(?:)/gu,
  /\p{L}*/gu,
  /(?<=a)/g,
  /\b/g,
  new RegExp('[\\s\\S]?', UNICODE_SETS),
  /(?<n>\d+)?/dg,
];

describe('matchesOf', () => {
  it('finds what matchAll finds, for the scanners’ own patterns and the awkward ones', () => {
    const patterns = [...PII_PATTERNS.map((p) => p.re), ...NAME_CUES.map((c) => c.re), ...EDGE_PATTERNS];
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 80 }),
      fc
        .array(fc.constantFrom('Call me at 415-555-0134', ' my name is Ana Ruiz', ' 😀a', 'x', ' ', 'SSN 123-45-6789'))
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, fc.constantFrom(...patterns), (s, re) => {
        expect(summary(matchesOf(re, s))).toEqual(summary(s.matchAll(re)));
        // Left as matchAll leaves the pattern: ready for the next text.
        expect(re.lastIndex).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('steps over a surrogate pair after an empty match in a Unicode pattern, and over one code unit otherwise', () => {
    expect([...matchesOf(/(?:)/gu, '😀a')].map((m) => m.index)).toEqual([0, 2, 3]);
    expect([...matchesOf(/(?:)/g, '😀a')].map((m) => m.index)).toEqual([0, 1, 2, 3]);
  });

  it('refuses a pattern without the global flag, as matchAll does', () => {
    expect(() => [...matchesOf(/a/, 'aaa')]).toThrow(TypeError);
  });
});
