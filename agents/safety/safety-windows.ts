/**
 * Which spans of a text the classifier reads. A crisis sentence inside a long message
 * must not be diluted by the rest, so every sentence is scored alone (long or unpunctuated
 * ones in overlapping windows), next to its neighbour (a plan can span two sentences), and
 * a short text also as a whole. The total read is at most ~4× the words, and the words read
 * are capped, so the work is linear and bounded whatever arrives.
 */

export type Span = { from: number; to: number };

export const WINDOW_TOKENS = 24;
const WINDOW_STRIDE = 12;
export const PAIR_TOKENS = 40;
export const WHOLE_TOKENS = 64;
/** "Ok." or "Thanks!" alone says nothing: a shorter sentence is read as part of the next one. */
const MIN_SENTENCE_TOKENS = 3;
/** ≈ 30k characters of ordinary prose: every word of a realistic message, and a bound on the rest. */
export const MAX_CLASSIFIED_TOKENS = 6000;
/** Characters of one text that triage reads at all (rules included): three times the longest realistic message. */
export const MAX_SCAN_CHARS = 64_000;

export function planWindows(sentenceOf: readonly number[]): Span[] {
  const n = Math.min(sentenceOf.length, MAX_CLASSIFIED_TOKENS);
  const ranges = sentences(sentenceOf, n);
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

/** Sentence ranges of the first n tokens, a too-short sentence joined to the one after it (or before, if last). */
function sentences(sentenceOf: readonly number[], n: number): Span[] {
  const ranges: Span[] = [];
  let pending: number | null = null;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && sentenceOf[j] === sentenceOf[i]) j++;
    const from: number = pending ?? i;
    if (j - from < MIN_SENTENCE_TOKENS && j < n) pending = from;
    else {
      ranges.push({ from, to: j });
      pending = null;
    }
    i = j;
  }
  const last = ranges.at(-1);
  if (ranges.length > 1 && last && last.to - last.from < MIN_SENTENCE_TOKENS) {
    ranges.pop();
    ranges.at(-1)!.to = last.to;
  }
  return ranges;
}
