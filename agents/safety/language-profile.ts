import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Everything language-specific the tokeniser and features use, as data
 * (`agents/data/safety-language.<locale>.json`), so a new locale is files, not code.
 */
const Words = z.array(z.string().min(1));

const LanguageProfileFile = z.object({
  locale: z.string().min(2),
  /** Open a negation scope ("not", "never"): the words after them are marked NOT_. */
  negators: Words,
  /** Open a hypothetical scope ("if", "worried", "might"): worry about what has not happened is not an event. */
  hypotheticals: Words,
  /** Cancel a guarded rule's match when one stands just before it: negations and conditionals ("if the pen jams"). */
  ruleGuards: Words,
  /** Close either scope before the clause ends ("but", "because"). */
  scopeEnds: Words,
  /** Carry no meaning alone; still used inside bigrams. */
  stopwords: Words,
  /** Whole words replaced before anything else: slang, shorthand, contractions without apostrophes. */
  expansions: z.record(z.string(), z.string()),
  /** Word endings after an apostrophe ("n't" → "not"), tried in order. */
  clitics: z.array(z.tuple([z.string().min(1), z.string()])),
  /** Suffix rules [ending, replacement] tried in order; the first that leaves `minStem` letters applies. */
  suffixes: z.array(z.tuple([z.string().min(1), z.string()])),
  minStem: z.number().int().min(2),
  /** Lexicon categories: space-separated words whose stem marks the category (a cue feature and a finding's cue name). */
  cues: z.record(z.string().regex(/^[a-z_]+$/), z.string()),
});
type LanguageProfileFile = z.infer<typeof LanguageProfileFile>;

/** The profile ready to use: sets and a stem → categories index. */
export type LanguageProfile = {
  locale: string;
  sha256: string;
  negators: Set<string>;
  hypotheticals: Set<string>;
  scopeEnds: Set<string>;
  ruleGuards: Set<string>;
  stopwords: Set<string>;
  expansions: Map<string, string[]>;
  clitics: Array<[string, string[]]>;
  suffixes: Array<[string, string]>;
  minStem: number;
  cuesByStem: Map<string, string[]>;
};

export function readLanguageProfile(path: string): LanguageProfile {
  const text = readFileSync(path, 'utf8');
  return buildLanguageProfile(LanguageProfileFile.parse(JSON.parse(text)), sha256(text));
}

function buildLanguageProfile(file: LanguageProfileFile, hash: string): LanguageProfile {
  const words = (phrase: string) => phrase.split(/\s+/).filter(Boolean);
  const profile: LanguageProfile = {
    locale: file.locale,
    sha256: hash,
    negators: new Set(file.negators),
    hypotheticals: new Set(file.hypotheticals),
    scopeEnds: new Set(file.scopeEnds),
    ruleGuards: new Set(file.ruleGuards),
    stopwords: new Set(file.stopwords),
    expansions: new Map(Object.entries(file.expansions).map(([k, v]) => [k, words(v)])),
    clitics: file.clitics.map(([ending, replacement]) => [ending, words(replacement)]),
    suffixes: file.suffixes,
    minStem: file.minStem,
    cuesByStem: new Map(),
  };
  for (const [category, list] of Object.entries(file.cues)) {
    for (const word of words(list)) {
      const key = stemWord(word, profile);
      profile.cuesByStem.set(key, [...new Set([...(profile.cuesByStem.get(key) ?? []), category])]);
    }
  }
  return profile;
}

/**
 * Up to two passes of the first suffix rule that fits ("needles" → "needle" → "needl", as
 * "needle" → "needl"): enough to join inflections without a dictionary. A rule that
 * replaces an ending with itself ("ss" → "ss") stops the stripping, whatever the word's length.
 */
export function stemWord(word: string, profile: Pick<LanguageProfile, 'suffixes' | 'minStem'>): string {
  if (/\d/.test(word)) return word;
  let w = word;
  for (let pass = 0; pass < 2; pass++) {
    const rule = profile.suffixes.find(
      ([ending, replacement]) =>
        w.endsWith(ending) && (replacement === ending || w.length - ending.length >= profile.minStem),
    );
    if (!rule) break;
    const next = w.slice(0, -rule[0].length) + rule[1];
    if (next === w) break;
    w = next;
  }
  return w;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
