/**
 * Cuts a text into what the patterns read: windows of bounded size that overlap by a margin, cut
 * only between tokens, around the over-long tokens that no pattern reads. Each window owns the
 * matches that start in its middle part, where it sees at least a margin of context either side.
 */
import { matchesOf } from './regex-matches.js';
import type { ScanLimits } from './scan-limits.js';

interface ScanWindow {
  start: number;
  end: number;
  /** Matches starting in [ownStart, ownEnd) are this window's to report. */
  ownStart: number;
  ownEnd: number;
}

export interface ScanPlan {
  /** Over-long tokens, withheld whole. */
  overLong: Array<[number, number]>;
  windows: ScanWindow[];
}

const SPACE = /\s/;
const TOKEN_REST = /\S*/y;

/** The first whitespace at or after `at` (or `limit`): the end of the token `at` is in. */
function tokenEnd(text: string, at: number, limit: number): number {
  if (at >= limit) return limit;
  TOKEN_REST.lastIndex = at;
  TOKEN_REST.exec(text);
  return Math.min(TOKEN_REST.lastIndex, limit);
}

/** The start of the token `at` is in (or `at` itself if it is whitespace), not before `limit`. */
function tokenStart(text: string, at: number, limit: number): number {
  let i = Math.max(at, limit);
  while (i > limit && !SPACE.test(text[i - 1] ?? ' ')) i--;
  return i;
}

/** Tokens longer than `max` characters; a text no longer than that has none, and is not read for them. */
function overLongTokens(text: string, max: number): Array<[number, number]> {
  // Only a token's first character can start a match, so each token is read once.
  const overLongToken = new RegExp(`(?<!\\S)\\S{${max + 1},}`, 'g');
  return [...matchesOf(overLongToken, text)].map((m): [number, number] => [m.index, m.index + m[0].length]);
}

export function planScan(text: string, limits: ScanLimits): ScanPlan {
  const overLong = text.length > limits.maxTokenChars ? overLongTokens(text, limits.maxTokenChars) : [];
  const windows: ScanWindow[] = [];
  let from = 0;
  for (const [start, end] of [...overLong, [text.length, text.length] as const]) {
    if (start > from) windows.push(...segmentWindows(text, from, start, limits));
    from = end;
  }
  return { overLong, windows };
}

function segmentWindows(text: string, from: number, to: number, limits: ScanLimits): ScanWindow[] {
  const windows: ScanWindow[] = [];
  let ownStart = from;
  while (ownStart < to) {
    const ownEnd = tokenEnd(text, ownStart + limits.windowChars, to);
    windows.push({
      start: tokenStart(text, ownStart - limits.marginChars, from),
      end: tokenEnd(text, ownEnd + limits.marginChars, to),
      ownStart,
      ownEnd,
    });
    ownStart = ownEnd;
  }
  return windows;
}
