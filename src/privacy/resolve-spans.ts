/** Settles overlapping candidates into the spans that get redacted. */
import type { Candidate, PiiSpan } from './pii-types.js';
import { TakenRanges } from './range-cover.js';

/**
 * The longest match first (a phone number beats the digits inside it; a street address with its
 * city and ZIP beats a city-and-ZIP match starting inside it), rank breaking ties. Anything
 * touching allowed content (`kept`) is dropped rather than cut, so approved text stays whole.
 * Unscanned text is withheld whatever it touches, since nobody read it, and swallows any span it
 * overlaps, so no part of that span is left out.
 */
export function resolveSpans(
  candidates: Candidate[],
  kept: (start: number, end: number) => boolean,
  length: number,
): PiiSpan[] {
  const taken = new TakenRanges(length);
  const spans: PiiSpan[] = [];
  const ordered = candidates
    .filter((c) => c.end > c.start && c.type !== 'UNSCANNED' && !kept(c.start, c.end))
    .sort((a, b) => b.to - b.from - (a.to - a.from) || a.rank - b.rank || a.start - b.start);
  for (const c of ordered) {
    if (taken.overlaps(c.start, c.end)) continue;
    taken.take(c.start, c.end);
    spans.push({ type: c.type, start: c.start, end: c.end });
  }
  const unscanned = candidates.filter((c) => c.type === 'UNSCANNED' && c.end > c.start);
  return withUnscanned(spans, unscanned);
}

function withUnscanned(spans: PiiSpan[], unscanned: PiiSpan[]): PiiSpan[] {
  const all = [...spans, ...unscanned.map((u) => ({ type: u.type, start: u.start, end: u.end }))].sort(
    (a, b) => a.start - b.start || b.end - a.end,
  );
  const out: PiiSpan[] = [];
  for (const span of all) {
    const last = out.at(-1);
    if (last && span.start < last.end && (last.type === 'UNSCANNED' || span.type === 'UNSCANNED')) {
      out[out.length - 1] = { type: 'UNSCANNED', start: last.start, end: Math.max(last.end, span.end) };
    } else {
      out.push(span);
    }
  }
  return out;
}
