/** Runs the identifier patterns (`pii-patterns.ts`) over one piece of text. */
import { PII_PATTERNS } from './pii-patterns.js';
import { type Candidate, PII_TYPES, type PiiType } from './pii-types.js';
import { matchesOf } from './regex-matches.js';

/** Candidates in `text`, with positions shifted by `offset` (where `text` starts in the whole). */
export function patternCandidates(text: string, offset = 0): Candidate[] {
  const out: Candidate[] = [];
  PII_PATTERNS.forEach((pattern, rank) => {
    for (const m of matchesOf(pattern.re, text)) {
      const type = pattern.classify ? pattern.classify(m, text) : pattern.type;
      if (!type) continue;
      const from = offset + m.index;
      const to = from + m[0].length;
      const typed = Object.entries(m.indices?.groups ?? {}).filter(
        ([name, range]) => range && groupType(name) && (pattern.keepGroup?.(name, m) ?? true),
      );
      if (typed.length === 0) out.push({ type, start: from, end: to, rank, from, to });
      // Spans of one match (a street, its city, its ZIP) compete together by the match's length; a
      // single value after a label competes by its own, so a longer identifier around it still wins.
      const together = typed.length > 1;
      for (const [name, range] of typed) {
        if (!range) continue;
        const [start, end] = [offset + range[0], offset + range[1]];
        out.push({ type: groupType(name)!, start, end, rank, from: together ? from : start, to: together ? to : end });
      }
    }
  });
  return out;
}

/** `ZIP` and `ADDRESS_city` are typed groups; lower-case groups are helpers. Asked per match, so kept. */
const GROUP_TYPES = new Map<string, PiiType | undefined>();
function groupType(name: string): PiiType | undefined {
  if (!GROUP_TYPES.has(name))
    GROUP_TYPES.set(
      name,
      PII_TYPES.find((t) => t === name.split('_')[0]),
    );
  return GROUP_TYPES.get(name);
}
