import { syllable } from 'syllable';
import type { Readability } from '../domain/compose.js';
import { complianceLocale } from './compliance-locales.js';
import { spanishSyllables } from './spanish-syllables.js';

const LAY_AUDIENCES = new Set(['patient', 'caregiver']);

// A sentence ends at . ! or ? followed by space or the end; dots inside URLs, numbers and
// phone numbers ("example.com/isi", "0.9%") are not followed by space, so they do not count.
// Only the first mark of a run can start a match, so a run of dots is read once, not from each dot.
const SENTENCE_END = /(?<![.!?])[.!?]+(?=\s|$)/g;

type Counts = { words: number; sentences: number; syllables: number };

/**
 * Words, sentences and syllables, with the language's syllable counter. A token without letters
 * (a phone number, "16") counts as one word of one syllable, so digits neither vanish from the
 * count nor dominate it.
 */
function counts(text: string, syllablesOf: (letters: string) => number): Counts {
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const sentences = Math.max(1, text.match(SENTENCE_END)?.length ?? 0);
  const syllables = words.reduce((sum, w) => {
    // "example.com/isi" is read as its parts, so split on anything that is not a letter.
    const parts = w.split(/[^\p{L}']+/u).filter(Boolean);
    return (
      sum +
      Math.max(
        1,
        parts.reduce((n, p) => n + syllablesOf(p), 0),
      )
    );
  }, 0);
  return { words: words.length, sentences, syllables };
}

/** Flesch–Kincaid grade: 0.39 × words/sentence + 11.8 × syllables/word − 15.59. */
export function readingGrade(text: string): number {
  const c = counts(text, (letters) => syllable(letters));
  if (c.words === 0) return 0;
  return 0.39 * (c.words / c.sentences) + 11.8 * (c.syllables / c.words) - 15.59;
}

/**
 * Fernández Huerta reading ease for Spanish, as corrected by Law (2011): 206.84 − 60 × syllables/word
 * − 1.02 × words/sentence. 100 reads like a primer; 60–70 is "normal" (grades 7–8). Empty text is 100.
 */
export function fernandezHuerta(text: string): number {
  const c = counts(text, spanishSyllables);
  if (c.words === 0) return 100;
  return 206.84 - 60 * (c.syllables / c.words) - 1.02 * (c.words / c.sentences);
}

const FORMULAS = {
  'flesch-kincaid': { measure: readingGrade, targetIs: 'max', isGrade: true },
  'fernandez-huerta': { measure: fernandezHuerta, targetIs: 'min', isGrade: false },
} as const satisfies Record<Readability['scale'], unknown>;

/** The text's value on a scale, rounded to a tenth as the answer reports it. */
export function readabilityScore(text: string, scale: Readability['scale']): number {
  return Math.round(FORMULAS[scale].measure(text) * 10) / 10;
}

/**
 * Scores already computed, by scale and text. A message's lay text is approved blocks joined, so the same
 * texts come back run after run, and counting syllables word by word was ≈ 1 % of a compose's CPU.
 * Bounded: emptied when full, as the redactor's memory is.
 */
const scored = new Map<string, number>();
function rememberedScore(text: string, scale: Readability['scale']): number {
  const key = `${scale}\u0000${text}`;
  const known = scored.get(key);
  if (known !== undefined) return known;
  if (scored.size >= 2_000) scored.clear();
  const score = readabilityScore(text, scale);
  scored.set(key, score);
  return score;
}

/**
 * Reported beside the rules, not a pass/fail. The formula and the lay target come from the locale's
 * compliance data; a target applies only to lay audiences. Null when the locale has no such data.
 */
export function readabilityReport(text: string, audience: string, locale = 'en-US'): Readability | null {
  const data = complianceLocale(locale);
  if (!data) return null;
  const scale = data.readability.formula;
  const { targetIs, isGrade } = FORMULAS[scale];
  const score = rememberedScore(text, scale);
  const grade = isGrade ? score : null;
  if (!LAY_AUDIENCES.has(audience)) return { scale, score, grade, target: null, targetIs, withinTarget: null };
  const target = data.readability.layTarget;
  return {
    scale,
    score,
    grade,
    target,
    targetIs,
    withinTarget: targetIs === 'max' ? score <= target : score >= target,
  };
}
