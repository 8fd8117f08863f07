/**
 * Finds personal names by walking the words after a cue (see `name-cues.ts`).
 * A name is one to four words on one line, separated by single spaces: a comma, a
 * bracket, a digit or a stop word ends it.
 */
import { isCommonWord } from './common-words.js';
import {
  type CueStrength,
  LOWER_CASE_INTRODUCTION,
  NAME_CUES,
  ORGANISATION_NOUNS,
  SELF_INTRODUCTION,
  STOP_WORDS,
} from './name-cues.js';
import { matchesOf } from './regex-matches.js';

export interface NameSpan {
  start: number;
  end: number;
}

/** How many times `findNames` runs a regular expression over the whole text. */
export const NAME_PASSES = NAME_CUES.length + 2;

const MAX_WORDS = 4;
const LEAD_IN = /[ \t]{0,8}[,:(]?[ \t]{0,8}/y;
// Letters of any script: "Ramírez", "Núñez" and "Chloé" are names whole, not cut at the accent.
const WORD = /\p{L}(?:[\p{L}\p{M}'’-]*\p{L})?\.?/uy;
const WORD_GAP = /[ \t]/y;
const REST_OF_LINE_EMPTY = /^[ \t.!?)]{0,40}(?:\n|$)/;
const NEXT_WORD = /^[ \t]{1,8}(\p{L}+)/u;
const CAPITALISED = /^\p{Lu}/u;
/** Particles inside a surname ("de la Cruz", "del Valle", "van Dyke"): part of it when a capital follows. */
const PARTICLES = /[ \t](?:(?:de|del|la|las|los|da|das|do|dos|di|du|van|von|der|den)[ \t]){1,2}(?=\p{Lu})/uy;

export function findNames(text: string): NameSpan[] {
  const spans: NameSpan[] = [];
  for (const { strength, re } of NAME_CUES) {
    for (const cue of matchesOf(re, text)) {
      const span = nameAfter(text, cue.index + cue[0].length, strength);
      if (span) spans.push(span);
    }
  }
  for (const intro of matchesOf(SELF_INTRODUCTION, text)) {
    const range = intro.indices?.groups?.name;
    const words = intro.groups?.name?.toLowerCase().split(/\s+/) ?? [];
    if (range && !words.some((w) => STOP_WORDS.has(w))) spans.push({ start: range[0], end: range[1] });
  }
  for (const intro of matchesOf(LOWER_CASE_INTRODUCTION, text)) {
    const range = intro.indices?.groups?.name;
    const words = intro.groups?.name?.split(/\s+/) ?? [];
    if (range && !words.some((w) => STOP_WORDS.has(w.toLowerCase()) || isCommonWord(w))) {
      spans.push({ start: range[0], end: range[1] });
    }
  }
  return spans;
}

function nameAfter(text: string, cueEnd: number, strength: CueStrength): NameSpan | null {
  LEAD_IN.lastIndex = cueEnd;
  LEAD_IN.exec(text);
  const start = LEAD_IN.lastIndex;
  if (strength === 'title') return walkName(text, start, false, MAX_WORDS, false);
  if (strength !== 'signOff') return walkName(text, start, strength === 'strong');
  // A sign-off name may be typed in lower case only when nothing follows it on the line.
  const lower = walkName(text, start, true, 2);
  if (lower && REST_OF_LINE_EMPTY.test(text.slice(lower.end))) return lower;
  return walkName(text, start, false);
}

function walkName(
  text: string,
  start: number,
  anyCase: boolean,
  maxWords = MAX_WORDS,
  orgCheck = true,
): NameSpan | null {
  let pos = start;
  let end = -1;
  for (let count = 0; count < maxWords; count++) {
    if (count > 0) {
      WORD_GAP.lastIndex = pos;
      if (!WORD_GAP.exec(text)) break;
      pos = WORD_GAP.lastIndex;
    }
    WORD.lastIndex = pos;
    const match = WORD.exec(text);
    // A word glued to digits, "@" or "_" is part of an email, handle or code, not a name.
    if (!match || /^[\w@]/.test(text.slice(WORD.lastIndex))) break;
    const raw = match[0];
    const initial = /^\p{Lu}\.$/u.test(raw) && count > 0;
    const word = initial ? raw : raw.replace(/\.$/, '').replace(/['’]s$/, '');
    if (STOP_WORDS.has(word.toLowerCase())) break;
    if (!anyCase && !CAPITALISED.test(word)) break;
    if (count === 0 && word.length < 2) break;
    end = pos + word.length;
    pos = WORD.lastIndex;
    // A full stop after a word (not an initial) ends the sentence and so the name.
    if (!initial && raw.endsWith('.')) break;
    PARTICLES.lastIndex = pos;
    // "María de la Cruz": the particles join the capitalised word after them, which the next turn reads.
    if (PARTICLES.exec(text)) pos = PARTICLES.lastIndex - 1;
  }
  if (end <= start) return null;
  const words = text.slice(start, end).toLowerCase().split(/\s+/);
  const next = NEXT_WORD.exec(text.slice(end))?.[1]?.toLowerCase();
  if (orgCheck && [...words, next].some((w) => w !== undefined && ORGANISATION_NOUNS.has(w))) return null;
  return { start, end };
}
