import type { LanguageProfile } from './language-profile.js';
import { stemWord } from './language-profile.js';

/**
 * Free text → normalised words with their sentence, clause and two scopes marked:
 * negation ("no rash") and hypothesis ("scared I'll get a rash"), because what did not
 * happen, or has not happened yet, is not an adverse event. Every step is one linear pass;
 * no real word is longer than MAX_WORD_CHARS, so a megabyte "word" costs as little as a short one.
 */

export type SafetyToken = {
  word: string;
  stem: string;
  sentence: number;
  clause: number;
  negated: boolean;
  hypothetical: boolean;
  /** The token's sentence ends with a question mark. */
  question: boolean;
};

export type Tokenised = {
  tokens: SafetyToken[];
  /** The words joined by single spaces, with "." "?" "!" "," for boundaries: what the rules read. */
  normalised: string;
};

export const MAX_WORD_CHARS = 40;
/** How many words a negation or hypothesis governs when no punctuation ends it first. */
const SCOPE_REACH = 6;
const PIECES = /[\p{L}\p{N}']+|[.!?\n,;:()]/gu;
const SENTENCE_END = new Set(['.', '!', '?', '\n']);
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' };

/** Case, accents (people often leave them off), curly apostrophes: one form for every spelling. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[‘’`´]/g, "'");
}

/** "su1c1de" → "suicide", "killlll" → "kill", "soooo" → "soo"; plain numbers stay numbers. */
export function cleanWord(raw: string): string {
  let word = raw.slice(0, MAX_WORD_CHARS).replace(/^'+|'+$/g, '');
  if (/\p{L}/u.test(word) && /\d/.test(word)) word = word.replace(/[013457]/g, (d) => LEET[d]!);
  return word.replace(/(\p{L})\1{2,}/gu, '$1$1');
}

/** One raw word → the words it stands for, through the profile's expansions and clitics. */
function expand(raw: string, profile: LanguageProfile): string[] {
  const word = cleanWord(raw);
  if (word === '') return [];
  const flat = word.replace(/'/g, '');
  const mapped = profile.expansions.get(flat);
  if (mapped) return mapped;
  for (const [ending, replacement] of profile.clitics) {
    if (word.endsWith(ending) && word.length > ending.length) {
      return [word.slice(0, -ending.length).replace(/'/g, ''), ...replacement];
    }
  }
  return [flat];
}

export function tokenise(text: string, profile: LanguageProfile): Tokenised {
  const tokens: SafetyToken[] = [];
  const out: string[] = [];
  let sentence = 0;
  let clause = 0;
  let sentenceStart = 0;
  let negation = 0;
  let hypothesis = 0;
  const closeClause = () => {
    negation = 0;
    hypothesis = 0;
    if (tokens.at(-1)?.clause === clause) clause++;
  };
  for (const match of foldText(text).matchAll(PIECES)) {
    const piece = match[0];
    if (piece.length === 1 && !/[\p{L}\p{N}]/u.test(piece)) {
      const boundary =
        piece === '\n' ? '.' : piece === ';' || piece === ':' || piece === '(' || piece === ')' ? ',' : piece;
      if (out.length > 0 && !isBoundary(out.at(-1)!)) out.push(boundary);
      closeClause();
      if (SENTENCE_END.has(piece) && tokens.length > sentenceStart) {
        if (piece === '?') for (let i = sentenceStart; i < tokens.length; i++) tokens[i]!.question = true;
        sentence++;
        sentenceStart = tokens.length;
      }
      continue;
    }
    for (const word of expand(piece, profile)) {
      const isNumber = /^\d+$/.test(word);
      if (profile.scopeEnds.has(word)) closeClause();
      tokens.push({
        word,
        stem: isNumber ? '#num' : stemWord(word, profile),
        sentence,
        clause,
        negated: negation > 0,
        hypothetical: hypothesis > 0,
        question: false,
      });
      out.push(word);
      negation = profile.negators.has(word) ? SCOPE_REACH : Math.max(0, negation - 1);
      hypothesis = profile.hypotheticals.has(word) ? SCOPE_REACH : Math.max(0, hypothesis - 1);
    }
  }
  return { tokens, normalised: out.join(' ') };
}

const isBoundary = (piece: string) => piece === '.' || piece === ',' || piece === '?' || piece === '!';
