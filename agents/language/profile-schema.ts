import { z } from 'zod';

const Words = z.array(z.string().min(1));

/**
 * A language profile (agents/data/lang/<locale>.json): everything the text pipeline knows about
 * one locale, as data. Adding a locale means writing its profile and its corpora, not code.
 */
export const LanguageProfileFile = z.strictObject({
  locale: z.string().regex(/^[a-z]{2,3}-[A-Z]{2}$/, 'a locale such as es-US'),
  /** ISO 639-1 code: what language detection answers, and how locales of one language fall back. */
  language: z.string().regex(/^[a-z]{2,3}$/),
  name: z.string().min(1),
  /** `porter-step1` (the small English suffix stripper) or `snowball:<algorithm>` (snowball-stemmers). */
  stemmer: z.string().regex(/^(porter-step1|snowball:[a-z]+)$/),
  /** People type without accents ("olvido" for "olvidó"): fold both to one form. */
  foldAccents: z.boolean(),
  /** One typed word (apostrophes removed) → the words it stands for: shorthand, contractions, loanwords. */
  expansions: z.record(z.string(), z.string().min(1)),
  /** Regular-expression rewrites of one word ("don't" → "do not"); `$1`… name the pattern's groups. */
  rewrites: z.array(z.strictObject({ pattern: z.string().min(1), words: Words.min(1) })),
  /** Word sequences that mean one thing ("no puedo" = cannot): joined into one token before negation. */
  phrases: z.record(z.string().regex(/^\S+( \S+)+$/, 'two or more words'), z.string().regex(/^\S+$/)),
  negators: Words,
  /** Words that start a new claim and so end a negation's scope. */
  scopeEnds: Words,
  /** "X but Y": X is conceded. */
  adversative: Words,
  /** "although X, Y": X is conceded. */
  concessive: Words,
  /** "the real problem is Y" / "el problema real es Y": what came before is conceded. */
  focus: Words,
  copulas: Words,
  /** The negator that, next to a copula, denies a problem ("is not the issue", "no es el problema"). */
  copulaNegators: Words,
  problemWords: Words,
  /** "the price is fine": the subject before a copula and one of these is denied as a problem. */
  fineWords: Words,
  /** "okay with the risks": a fine word followed by one of these denies what follows. */
  fineWith: Words,
  /** Function words that carry no barrier alone; they still count inside bigrams and cues. */
  stopwords: Words,
  /** Lexicon themes: space-separated cue words per theme (stemmed with the profile's stemmer). */
  cues: z.record(z.string().regex(/^[a-z_]+$/), z.string().min(1)),
});
export type LanguageProfileFile = z.infer<typeof LanguageProfileFile>;
