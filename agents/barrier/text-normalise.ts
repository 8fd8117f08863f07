import type { LanguageProfile } from '../language/language-profile.js';

/**
 * Light normalisation of patient free text: the words people type in chats and surveys
 * (contractions with or without apostrophes, SMS shorthand, loanwords) are mapped to one
 * form by their locale's profile, so a corpus of a few hundred lines generalises to the
 * spellings it lacks.
 */

/** Lower case, typographic apostrophes made plain, and accents folded where the profile says so. */
export function normaliseText(text: string, profile: LanguageProfile): string {
  const lower = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’`´]/g, "'");
  return profile.foldAccents ? lower.normalize('NFD').replace(/\p{M}/gu, '') : lower;
}

/** Turns one raw word into the words it stands for: "can't" → ["can", "not"], "xq" → ["porque"]. */
export function expandWord(raw: string, profile: LanguageProfile): string[] {
  // Only the first quote of a run can start the trailing match: a run of quotes is read once.
  const word = raw.replace(/^'+|(?<!')'+$/g, '');
  if (word === '') return [];
  const flat = word.replace(/'/g, '');
  const mapped = profile.expansions.get(flat);
  if (mapped) return mapped;
  for (const candidate of word === flat ? [word] : [word, flat]) {
    for (const { pattern, words } of profile.rewrites) {
      const match = pattern.exec(candidate);
      if (match) return words.map((w) => w.replace(/\$(\d)/g, (_, g: string) => match[Number(g)] ?? ''));
    }
  }
  return [flat];
}

/** Joins the profile's phrases ("no puedo" → "nopuedo") in a stream of words; boundaries never join. */
export function joinPhrases(words: string[], profile: LanguageProfile): string[] {
  if (profile.phrases.size === 0) return words;
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const phrase = profile.phrases.get(words[i]!)?.find((p) => p.words.every((w, j) => words[i + j] === w));
    if (phrase) {
      out.push(phrase.token);
      i += phrase.words.length - 1;
    } else out.push(words[i]!);
  }
  return out;
}

/** Collapses letter runs ("soooo", "realy"/"really") so character n-grams match across typos. */
export function squeeze(word: string): string {
  return word.replace(/(.)\1+/g, '$1');
}
