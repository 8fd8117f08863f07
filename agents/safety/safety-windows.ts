/**
 * Which spans of a text the classifier reads. A crisis sentence inside a long message
 * must not be diluted by the rest, so every sentence is scored alone (long or unpunctuated
 * ones in overlapping windows), next to its neighbour (a plan can span two sentences), and
 * a short text also as a whole. The total read is at most ~4× the words, and the words read
 * are capped, so the work is linear and bounded whatever arrives.
 */

export type Span = { from: number; to: number };

export const WINDOW_TOKENS = 24;
export const WINDOW_STRIDE = 12;
export const PAIR_TOKENS = 40;
export const WHOLE_TOKENS = 64;
/** ≈ 30k characters of ordinary prose: every word of a realistic message, and a bound on the rest. */
export const MAX_CLASSIFIED_TOKENS = 6000;

export function planWindows(sentences: readonly number[]): Span[] {
  const n = Math.min(sentences.length, MAX_CLASSIFIED_TOKENS);
  const ranges: Span[] = [];
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && sentences[j] === sentences[i]) j++;
    ranges.push({ from: i, to: j });
    i = j;
  }
  const spans: Span[] = [];
  for (const { from, to } of ranges) {
    if (to - from <= WINDOW_TOKENS) spans.push({ from, to });
    else
      for (let start = from; ; start += WINDOW_STRIDE) {
        spans.push({ from: start, to: Math.min(start + WINDOW_TOKENS, to) });
        if (start + WINDOW_TOKENS >= to) break;
      }
  }
  for (let r = 1; r < ranges.length; r++) {
    const from = ranges[r - 1]!.from;
    const to = ranges[r]!.to;
    if (to - from <= PAIR_TOKENS) spans.push({ from, to });
  }
  if (n > 0 && n <= WHOLE_TOKENS && !(spans[0]!.from === 0 && spans[0]!.to === n)) spans.push({ from: 0, to: n });
  return spans;
}
