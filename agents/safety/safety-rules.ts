import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { type LanguageProfile, sha256 } from './language-profile.js';
import { unsafeRegexReason } from './regex-safety.js';
import { SAFETY_KINDS, type SafetyKind, type TextFinding } from './safety-types.js';

/**
 * Rules for the unambiguous (`agents/data/safety-rules.<locale>.yaml`): regular
 * expressions over the normalised text (lower case, no accents, slang expanded, words
 * joined by single spaces, "." "?" "!" "," for boundaries). A rule's `cue` names it in a
 * finding. A `guarded` rule does not count a match that one of the profile's `ruleGuards`
 * just before it governs ("never had an allergic reaction", "what if the pen jams"); crisis
 * rules are never guarded. Worry about what has not happened is kept out by writing event
 * rules in the past or present tense.
 */
const RuleEntry = z.object({
  kind: z.enum(SAFETY_KINDS),
  cue: z.string().regex(/^[a-z_]+$/),
  score: z.number().min(0).max(1).default(1),
  guarded: z.boolean().default(false),
  patterns: z.array(z.string().min(1)).min(1),
});
export const RulesFile = z.object({
  locale: z.string().min(2),
  rules: z.array(RuleEntry),
  /**
   * Idioms whose death word is not about the writer's life (hyperbole.ts), each blanked out or
   * replaced by what it `means` ("dying to" → "want to"); never a finding by themselves.
   */
  hyperbole: z
    .array(z.union([z.string().min(1), z.strictObject({ pattern: z.string().min(1), means: z.string() })]))
    .default([]),
});
export type RulesFile = z.infer<typeof RulesFile>;

export type SafetyRule = {
  kind: SafetyKind;
  cue: string;
  score: number;
  guarded: boolean;
  /** The rule's patterns as written (each checked linear) and their alternation, compiled once. */
  patterns: string[];
  regex: RegExp;
};
/** An idiom and what it is read as on the second look (a blank when it means nothing for triage). */
export type Idiom = { regex: RegExp; means: string };
export type RuleSet = { rules: SafetyRule[]; hyperbole: Idiom[]; sha256: string };

export class UnsafeRuleError extends Error {
  override name = 'UnsafeRuleError';
}

/** How many words before a match a negation or hypothesis may stand and still govern it. */
const GUARD_WORDS = 3;
const BOUNDARY = new Set(['.', ',', '?', '!']);

export function readSafetyRules(path: string): RuleSet {
  const text = readFileSync(path, 'utf8');
  const file = RulesFile.parse(parse(text));
  return { rules: compileRules(file), hyperbole: compileHyperbole(file), sha256: sha256(text) };
}

/** The `hyperbole` idioms, each held to the rules' linear-time check. */
export function compileHyperbole(file: Pick<RulesFile, 'locale' | 'hyperbole'>): Idiom[] {
  return file.hyperbole.map((entry) => {
    const { pattern, means } = typeof entry === 'string' ? { pattern: entry, means: ' , ' } : entry;
    const reason = unsafeRegexReason(pattern);
    if (reason) throw new UnsafeRuleError(`${file.locale} hyperbole: ${reason} in /${pattern}/`);
    if (new RegExp(pattern).test(''))
      throw new UnsafeRuleError(`${file.locale} hyperbole: /${pattern}/ matches nothing at all`);
    return { regex: new RegExp(pattern, 'g'), means };
  });
}

/** Refuses any pattern that is not provably linear, or that matches the empty string. */
export function compileRules(file: Pick<RulesFile, 'locale' | 'rules'>): SafetyRule[] {
  return file.rules.map((rule) => ({
    kind: rule.kind,
    cue: rule.cue,
    score: rule.score,
    guarded: rule.guarded && rule.kind !== 'crisis',
    patterns: rule.patterns,
    // One scan per rule: the alternation of linear patterns is linear, and V8 scans once instead of n times.
    regex: new RegExp(
      rule.patterns
        .map((pattern) => {
          const reason = unsafeRegexReason(pattern);
          if (reason) throw new UnsafeRuleError(`${file.locale} rule ${rule.cue}: ${reason} in /${pattern}/`);
          if (new RegExp(pattern).test(''))
            throw new UnsafeRuleError(`${file.locale} rule ${rule.cue}: /${pattern}/ matches nothing at all`);
          return `(?:${pattern})`;
        })
        .join('|'),
      'g',
    ),
  }));
}

/** Every kind some rule found, with the cues of the rules that found it. */
export function matchRules(rules: SafetyRule[], normalised: string, profile: LanguageProfile): TextFinding[] {
  const found = new Map<SafetyKind, TextFinding>();
  for (const rule of rules) {
    if (!matches(rule.regex, normalised, rule.guarded ? profile : null)) continue;
    const finding = found.get(rule.kind) ?? { kind: rule.kind, score: 0, source: 'rule', cues: [] };
    finding.score = Math.max(finding.score, rule.score);
    if (!finding.cues.includes(rule.cue)) finding.cues.push(rule.cue);
    found.set(rule.kind, finding);
  }
  return SAFETY_KINDS.flatMap((kind) => found.get(kind) ?? []);
}

function matches(regex: RegExp, text: string, guard: LanguageProfile | null): boolean {
  regex.lastIndex = 0;
  if (!guard) return regex.test(text);
  for (const match of text.matchAll(regex)) if (!governed(text, match.index, guard)) return true;
  return false;
}

/** A guard word (negation, conditional) among the few words before `at`, in the same clause. */
function governed(text: string, at: number, profile: LanguageProfile): boolean {
  const before = text
    .slice(Math.max(0, at - 80), at)
    .split(' ')
    .filter(Boolean)
    .slice(-GUARD_WORDS);
  for (let i = before.length - 1; i >= 0; i--) {
    const word = before[i]!;
    if (BOUNDARY.has(word)) return false;
    if (profile.ruleGuards.has(word)) return true;
  }
  return false;
}
