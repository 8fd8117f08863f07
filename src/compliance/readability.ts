import { syllable } from 'syllable';
import type { Readability } from '../domain/compose.js';

/** US health-literacy guidance: patient-facing text at or below grade 8. */
const PATIENT_TARGET = 8;
const LAY_AUDIENCES = new Set(['patient', 'caregiver']);

// A sentence ends at . ! or ? followed by space or the end; dots inside URLs, numbers and
// phone numbers ("example.com/isi", "0.9%") are not followed by space, so they do not count.
// Only the first mark of a run can start a match, so a run of dots is read once, not from each dot.
const SENTENCE_END = /(?<![.!?])[.!?]+(?=\s|$)/g;

/**
 * Flesch–Kincaid grade: 0.39 × words/sentence + 11.8 × syllables/word − 15.59. A token
 * without letters (a phone number, "16") counts as one word of one syllable, so digits
 * neither vanish from the count nor dominate it.
 */
export function readingGrade(text: string): number {
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return 0;
  const sentences = Math.max(1, text.match(SENTENCE_END)?.length ?? 0);
  const syllables = words.reduce((sum, w) => {
    // "example.com/isi" is read as its parts, so split on anything that is not a letter.
    const letters = w.replace(/[^\p{L}']+/gu, ' ').trim();
    return sum + Math.max(1, letters ? syllable(letters) : 1);
  }, 0);
  return 0.39 * (words.length / sentences) + 11.8 * (syllables / words.length) - 15.59;
}

/** Reported beside the rules, not a pass/fail: a target applies only to lay audiences. */
export function readabilityReport(text: string, audience: string): Readability {
  const grade = Math.round(readingGrade(text) * 10) / 10;
  if (!LAY_AUDIENCES.has(audience)) return { grade, target: null, withinTarget: null };
  return { grade, target: PATIENT_TARGET, withinTarget: grade <= PATIENT_TARGET };
}
