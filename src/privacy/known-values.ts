/**
 * The request's own personal values (subject fields), found wherever the text repeats them.
 * A value up to `maxKnownPatternChars` becomes a regular expression that forgives how people type
 * it (case, spacing, a dropped apostrophe); a longer one is no identifier anyone retypes, so it is
 * found as plain text, and never compiled into a regular expression the size of the request.
 */
import { patternCandidates } from './pattern-candidates.js';
import type { Candidate, PiiType } from './pii-types.js';
import { SCAN_LIMITS, type ScanLimits } from './scan-limits.js';

const KNOWN_RANK = -1;
const MIN_CHARS = 2;

export interface KnownMatcher {
  type: PiiType;
  re: RegExp;
}

/**
 * A known value's pattern, not yet compiled: `source` with the word-boundary guards, `body` without them.
 * Any match of `source` is a match of `body`, so a text `body` finds nothing in needs no `source`.
 */
type KnownPattern = { type: PiiType; source: string; body: string; flags: string };

/** Values a caller knows are personal, typed by the shape they have on their own. */
export function knownMatcher(value: string, maxChars = SCAN_LIMITS.maxKnownPatternChars): KnownMatcher {
  const p = knownPattern(value, maxChars);
  return { type: p.type, re: new RegExp(p.source, p.flags) };
}

function knownPattern(value: string, maxChars: number): KnownPattern {
  // A longer value is matched by its beginning, which is all any caller of this needs to flag it.
  const v = value.slice(0, maxChars);
  const whole = patternCandidates(v).find((c) => c.start === 0 && c.end === v.length);
  const type = whole?.type ?? fallbackType(v);
  const digits = v.replace(/\D/g, '');
  // A number given as 5554441212 is still the same number written (555) 444-1212.
  if (digits.length >= 7 && /^[\d\s().+-]+$/.test(v)) {
    const body = [...digits].join('[\\s().+-]{0,3}');
    return { type, source: `(?<!\\d)${body}(?!\\d)`, body, flags: 'g' };
  }
  const words = v.split(/\s+/).filter((w) => w.length > 0);
  const nameBody = words.map(nameWord).filter((w) => w.length > 0);
  const body =
    type === 'NAME' && nameBody.length > 0
      ? nameBody.join('(?:\\s{1,4}|\\s{0,2}-\\s{0,2})')
      : words.map(escapeRegExp).join('\\s{1,4}');
  return { type, source: `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, body, flags: 'giu' };
}

/**
 * A known value's finder. Its guarded pattern is built only for a text its unguarded body matches: V8
 * builds `[\p{L}\p{N}]` under the `iu` flags by closing two Unicode categories over case, ≈ 0.2 ms to
 * construct and more to compile, for each new value (every request has its own subject id), while most
 * texts hold none of the request's values. The matches are the guarded pattern's, as before.
 */
function lazyMatcher(p: KnownPattern) {
  const probe = new RegExp(p.body, p.flags.replace('g', ''));
  let re: RegExp | undefined;
  const matches = (text: string) => {
    if (!probe.test(text)) return [];
    re ??= new RegExp(p.source, p.flags);
    return text.matchAll(re);
  };
  return { type: p.type, matches };
}

const fallbackType = (v: string): PiiType => (/\d/.test(v) ? 'ID' : 'NAME');

// "O'Brien" is also typed "OBrien", "O Brien" or "obrien"; "Mary-Beth" "Marybeth"; "St." "St".
const JOINER = /[.'’‘`-]+/;
function nameWord(word: string): string {
  const parts = word.split(JOINER).filter((p) => p.length > 0);
  return parts.map(escapeRegExp).join("(?:[.'’‘`-]\\s{0,2}|\\s{1,2})?") + (word.endsWith('.') ? '\\.?' : '');
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiles the values once; the returned function finds them in a whole text. */
export function knownValueFinder(values: string[], limits: ScanLimits): (text: string) => Candidate[] {
  const kept = values.map((k) => k.trim()).filter((k) => k.length >= MIN_CHARS);
  const short = kept
    .filter((k) => k.length <= limits.maxKnownPatternChars)
    .map((k) => lazyMatcher(knownPattern(k, SCAN_LIMITS.maxKnownPatternChars)));
  const long = kept.filter((k) => k.length > limits.maxKnownPatternChars).map(foldAscii);
  return (text) => {
    const out: Candidate[] = [];
    for (const { type, matches } of short) {
      for (const m of matches(text)) out.push(candidate(type, m.index, m.index + m[0].length));
    }
    if (long.length === 0) return out;
    const folded = foldAscii(text);
    for (const value of long) {
      const type = fallbackType(value);
      // Occurrences do not overlap, so the search moves forward by whole values: linear in the text.
      for (let at = folded.indexOf(value); at >= 0; at = folded.indexOf(value, at + value.length)) {
        out.push(candidate(type, at, at + value.length));
      }
    }
    return out;
  };
}

const candidate = (type: PiiType, start: number, end: number): Candidate => ({
  type,
  start,
  end,
  rank: KNOWN_RANK,
  from: start,
  to: end,
});

/** Lower-cases ASCII letters only, so positions in the folded text are positions in the original. */
const foldAscii = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
