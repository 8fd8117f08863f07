import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_CLASSIFIED_TOKENS,
  PAIR_TOKENS,
  planWindows,
  WHOLE_TOKENS,
  WINDOW_TOKENS,
} from '../../../agents/safety/safety-windows.js';

/** Sentence ids for sentences of the given lengths. */
const sentences = (lengths: number[]) => lengths.flatMap((n, s) => Array.from({ length: n }, () => s));

describe('planWindows', () => {
  it('scores a short one-sentence text once', () => {
    expect(planWindows(sentences([8]))).toEqual([{ from: 0, to: 8 }]);
  });

  it('scores each sentence alone, neighbours together and a short text whole', () => {
    expect(planWindows(sentences([5, 6, 4]))).toEqual([
      { from: 0, to: 5 },
      { from: 5, to: 11 },
      { from: 11, to: 15 },
      { from: 0, to: 11 },
      { from: 5, to: 15 },
      { from: 0, to: 15 },
    ]);
  });

  it('reads a too-short sentence as part of the next one', () => {
    expect(planWindows(sentences([1, 6]))).toEqual([{ from: 0, to: 7 }]);
    expect(planWindows(sentences([6, 2]))).toEqual([{ from: 0, to: 8 }]);
  });

  it('reads an unpunctuated run-on in overlapping windows that cover every word', () => {
    const spans = planWindows(sentences([100]));
    expect(spans.every((s) => s.to - s.from <= WINDOW_TOKENS)).toBe(true);
    for (let i = 0; i < 100; i++) expect(spans.some((s) => s.from <= i && i < s.to)).toBe(true);
  });

  it('never reads past the cap, however long the text', () => {
    const spans = planWindows(sentences([MAX_CLASSIFIED_TOKENS * 3]));
    expect(Math.max(...spans.map((s) => s.to))).toBe(MAX_CLASSIFIED_TOKENS);
  });

  it('covers every word under the cap and reads at most ~4× the words (linear work)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 120 }), (lengths) => {
        const ids = sentences(lengths);
        const spans = planWindows(ids);
        const n = Math.min(ids.length, MAX_CLASSIFIED_TOKENS);
        const read = spans.reduce((sum, s) => sum + (s.to - s.from), 0);
        expect(read).toBeLessThanOrEqual(4 * n + WHOLE_TOKENS);
        for (const s of spans) {
          expect(s.from).toBeGreaterThanOrEqual(0);
          expect(s.to).toBeLessThanOrEqual(n);
          expect(s.to - s.from).toBeLessThanOrEqual(Math.max(WINDOW_TOKENS, PAIR_TOKENS, WHOLE_TOKENS));
        }
        for (let i = 0; i < n; i++) expect(spans.some((s) => s.from <= i && i < s.to)).toBe(true);
      }),
    );
  });
});
