/**
 * Locates personal data in free text: Safe Harbor identifier shapes, cued names, and the
 * request's own personal values (`known`). Returns positions and types only, so a
 * compliance rule can say a message contains PII without echoing the value.
 */
import { namesBesideContacts } from './contact-names.js';
import { findNames } from './find-names.js';
import { NOT_PII_PATTERNS, PII_PATTERNS } from './pii-patterns.js';
import { PII_TYPES, type PiiType } from './pii-types.js';

export interface PiiSpan {
  type: PiiType;
  start: number;
  end: number;
}

export interface PiiOptions {
  /** Approved content (a programme's support number, site or brand): never reported, matched in any case. */
  allow?: string[];
  /** Personal values from the request (subject fields): matched case-insensitively as whole words. */
  known?: string[];
}

interface Candidate extends PiiSpan {
  /** Lower wins when two candidates cover the same text. */
  rank: number;
}

const KNOWN_RANK = -1;
const NAME_RANK = PII_PATTERNS.length;

/** Compiles the options once; the returned function finds spans in one text. */
export function createPiiFinder(opts: PiiOptions = {}): (text: string) => PiiSpan[] {
  const allow = (opts.allow ?? []).filter((a) => a.trim().length > 0).map((a) => new RegExp(escapeRegExp(a), 'gi'));
  const known = (opts.known ?? [])
    .map((k) => k.trim())
    .filter((k) => k.length >= 2)
    .map(knownMatcher);
  return (text) => {
    const keep = protectedRanges(text, allow);
    const patterns = patternCandidates(text);
    const contacts = patterns.filter((c) => !keep.some((k) => overlaps(c, k)));
    const candidates = [...patterns, ...nameCandidates(text, contacts)];
    for (const { type, re } of known) {
      for (const m of text.matchAll(re)) {
        candidates.push({ type, start: m.index, end: m.index + m[0].length, rank: KNOWN_RANK });
      }
    }
    return resolve(candidates, keep);
  };
}

export function findPii(text: string, opts?: PiiOptions): PiiSpan[] {
  return createPiiFinder(opts)(text);
}

function patternCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  PII_PATTERNS.forEach((pattern, rank) => {
    for (const m of text.matchAll(pattern.re)) {
      const type = pattern.classify ? pattern.classify(m, text) : pattern.type;
      if (!type) continue;
      const typed = Object.entries(m.indices?.groups ?? {}).filter(([name, range]) => range && groupType(name));
      if (typed.length === 0) out.push({ type, start: m.index, end: m.index + m[0].length, rank });
      for (const [name, range] of typed) {
        if (range) out.push({ type: groupType(name) as PiiType, start: range[0], end: range[1], rank });
      }
    }
  });
  return out;
}

/** `ZIP` and `ADDRESS_city` are typed groups; lower-case groups are helpers. */
function groupType(name: string): PiiType | undefined {
  const prefix = name.split('_')[0];
  return PII_TYPES.find((t) => t === prefix);
}

function nameCandidates(text: string, found: PiiSpan[]): Candidate[] {
  return [...findNames(text), ...namesBesideContacts(text, found)].map((s) => ({
    type: 'NAME' as const,
    ...s,
    rank: NAME_RANK,
  }));
}

/** Values a caller knows are personal, typed by the shape they have on their own. */
export function knownMatcher(value: string): { type: PiiType; re: RegExp } {
  const whole = patternCandidates(value).find((c) => c.start === 0 && c.end === value.length);
  const type = whole?.type ?? (/\d/.test(value) ? 'ID' : 'NAME');
  const digits = value.replace(/\D/g, '');
  // A number given as 5554441212 is still the same number written (555) 444-1212.
  if (digits.length >= 7 && /^[\d\s().+-]+$/.test(value)) {
    return { type, re: new RegExp(`(?<!\\d)${[...digits].join('[\\s().+-]*')}(?!\\d)`, 'g') };
  }
  const words = value.split(/\s+/);
  const nameBody = words.map(nameWord).filter((w) => w.length > 0);
  const body =
    type === 'NAME' && nameBody.length > 0 ? nameBody.join('(?:\\s+|\\s*-\\s*)') : words.map(escapeRegExp).join('\\s+');
  return { type, re: new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu') };
}

// "O'Brien" is also typed "OBrien", "O Brien" or "obrien"; "Mary-Beth" "Marybeth"; "St." "St".
const JOINER = /[.'’‘`-]+/;
function nameWord(word: string): string {
  const parts = word.split(JOINER).filter((p) => p.length > 0);
  return parts.map(escapeRegExp).join("(?:[.'’‘`-]\\s*|\\s+)?") + (word.endsWith('.') ? '\\.?' : '');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function protectedRanges(text: string, allow: RegExp[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const re of [...allow, ...NOT_PII_PATTERNS]) {
    for (const m of text.matchAll(re)) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

const overlaps = (a: { start: number; end: number }, b: [number, number]) => a.start < b[1] && b[0] < a.end;

/**
 * Longest candidate first (a phone number beats the digits inside it), rank breaking
 * ties; anything touching allowed content is dropped rather than cut, so approved text
 * stays whole.
 */
function resolve(candidates: Candidate[], keep: Array<[number, number]>): PiiSpan[] {
  const taken: Array<[number, number]> = [];
  const spans: PiiSpan[] = [];
  const ordered = candidates
    .filter((c) => c.end > c.start && !keep.some((k) => overlaps(c, k)))
    .sort((a, b) => b.end - b.start - (a.end - a.start) || a.rank - b.rank);
  for (const c of ordered) {
    if (taken.some((t) => overlaps(c, t))) continue;
    taken.push([c.start, c.end]);
    spans.push({ type: c.type, start: c.start, end: c.end });
  }
  return spans.sort((a, b) => a.start - b.start);
}
