/**
 * Locates personal data in free text: Safe Harbor identifier shapes, cued names, and the
 * request's own personal values (`known`). Returns positions and types only, so a
 * compliance rule can say a message contains PII without echoing the value.
 *
 * The work is linear in the text: patterns read bounded windows (`scan-plan.ts`), tokens longer
 * than any identifier are withheld unread, and past a time budget the rest is withheld too.
 */
import { namesBesideContacts } from './contact-names.js';
import { findNames, NAME_PASSES } from './find-names.js';
import { escapeRegExp, knownValueFinder } from './known-values.js';
import { patternCandidates } from './pattern-candidates.js';
import { NOT_PII_PATTERNS, PII_PATTERNS } from './pii-patterns.js';
import type { Candidate, PiiSpan } from './pii-types.js';
import { fixedCover } from './range-cover.js';
import { matchesOf } from './regex-matches.js';
import { resolveSpans } from './resolve-spans.js';
import { SCAN_LIMITS, type ScanLimits } from './scan-limits.js';
import { planScan } from './scan-plan.js';

export { knownMatcher } from './known-values.js';
export type { PiiSpan } from './pii-types.js';

export interface PiiOptions {
  /** Approved content (a programme's support number, site or brand): never reported, matched in any case. */
  allow?: string[];
  /** Personal values from the request (subject fields): matched case-insensitively as whole words. */
  known?: string[];
}

/** What a scan depends on besides the text: tests pass a clock, a meter and small limits. */
export interface ScanDeps {
  now?: () => number;
  /** Told how many characters each pass of a pattern over the text reads. */
  onScanned?: (chars: number) => void;
  limits?: Partial<ScanLimits>;
}

const NAME_RANK = PII_PATTERNS.length;
/** Regular-expression passes over each window: every identifier pattern, then the name finders. */
const WINDOW_PASSES = PII_PATTERNS.length + NAME_PASSES;

/** Compiles the options once; the returned function finds spans in one text. */
export function createPiiFinder(opts: PiiOptions = {}, deps: ScanDeps = {}): (text: string) => PiiSpan[] {
  const limits = { ...SCAN_LIMITS, ...deps.limits };
  const now = deps.now ?? cpuMs;
  const scanned = deps.onScanned ?? (() => undefined);
  const allow = (opts.allow ?? []).filter((a) => a.trim().length > 0).map((a) => new RegExp(escapeRegExp(a), 'gi'));
  const protect = [...allow, ...NOT_PII_PATTERNS];
  const findKnown = knownValueFinder(opts.known ?? [], limits);
  const knownCount = opts.known?.length ?? 0;

  return (text) => {
    // A text of one window's length is read whole, as any window is once started: the budget is for texts
    // of many windows, and reading the process's CPU clock (a system call) for each of the many short
    // texts of a compose cost more than scanning most of them.
    const timed = text.length > limits.windowChars;
    const deadline = timed ? now() + limits.budgetMs : Number.POSITIVE_INFINITY;
    const plan = planScan(text, limits);
    scanned(text.length * (1 + protect.length + knownCount));
    const kept = fixedCover(
      protect.flatMap((re) => [...matchesOf(re, text)].map((m): [number, number] => [m.index, m.index + m[0].length])),
      text.length,
    );
    const candidates = [...plan.overLong.map(([s, e]) => unscanned(s, e)), ...findKnown(text)];
    for (const w of plan.windows) {
      if (timed && now() > deadline) {
        candidates.push(unscanned(w.ownStart, text.length));
        break;
      }
      scanned((w.end - w.start) * WINDOW_PASSES);
      const owned = (c: Candidate) => c.from >= w.ownStart && c.from < w.ownEnd;
      candidates.push(...windowCandidates(text.slice(w.start, w.end), w.start, kept).filter(owned));
    }
    return resolveSpans(candidates, kept, text.length);
  };
}

export function findPii(text: string, opts?: PiiOptions): PiiSpan[] {
  return createPiiFinder(opts)(text);
}

/** Pattern and name candidates in one window, at their positions in the whole text. */
function windowCandidates(window: string, offset: number, kept: (start: number, end: number) => boolean): Candidate[] {
  const found = patternCandidates(window);
  const contacts = found.filter((c) => !kept(offset + c.start, offset + c.end));
  const names = [...findNames(window), ...namesBesideContacts(window, contacts)].map(
    (s): Candidate => ({ type: 'NAME', ...s, rank: NAME_RANK, from: s.start, to: s.end }),
  );
  return [...found, ...names].map((c) => ({
    ...c,
    start: c.start + offset,
    end: c.end + offset,
    from: c.from + offset,
    to: c.to + offset,
  }));
}

/**
 * The process's CPU time: the budget is for work this scan does, so a machine busy with other
 * processes does not make the same text come out differently.
 */
function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

const unscanned = (start: number, end: number): Candidate => ({
  type: 'UNSCANNED',
  start,
  end,
  rank: -2,
  from: start,
  to: end,
});
