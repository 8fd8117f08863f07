/**
 * Light normalisation of patient free text: the words people type in chats and surveys
 * (contractions without apostrophes, SMS shorthand, plural/tense variants) are mapped to
 * one form, so a corpus of a few hundred lines generalises to the spellings it lacks.
 */

/** Contractions and shorthand, written with or without the apostrophe, as the words they stand for. */
const EXPANSIONS: Record<string, string> = {
  // Inability asserts a barrier ("can't afford", "can't get there") rather than denying
  // one, so it is one word, not a negation that would flip the words after it.
  cant: 'cannot',
  cnt: 'cannot',
  couldnt: 'cannot',
  unable: 'cannot',
  wont: 'will not',
  aint: 'is not',
  idk: 'i do not know',
  dunno: 'do not know',
  im: 'i am',
  ive: 'i have',
  id: 'i would',
  its: 'it is',
  thats: 'that is',
  whats: 'what is',
  theres: 'there is',
  youre: 'you are',
  theyre: 'they are',
  u: 'you',
  ur: 'your',
  r: 'are',
  y: 'why',
  thx: 'thanks',
  ty: 'thanks',
  tho: 'though',
  pls: 'please',
  plz: 'please',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
  til: 'until',
  till: 'until',
  gonna: 'going to',
  wanna: 'want to',
  gotta: 'got to',
  rn: 'right now',
  b4: 'before',
  w: 'with',
  dr: 'doctor',
  doc: 'doctor',
  docs: 'doctors',
  rx: 'prescription',
  ins: 'insurance',
  meds: 'medication',
  med: 'medication',
  medicine: 'medication',
  pa: 'prior authorization',
  $: 'dollar',
};

/** Negated auxiliaries written without the apostrophe ("dont", "isnt"). */
const BARE_NT = /^(do|does|did|is|was|are|were|have|has|had|should|could|would|must|need)nt$/;

/** Turns one raw word into the words it stands for: "can't" → ["can", "not"]. */
export function expandWord(raw: string): string[] {
  // Only the first quote of a run can start the trailing match: a run of quotes is read once.
  const word = raw.replace(/^'+|(?<!')'+$/g, '');
  if (word === '') return [];
  const flat = word.replace(/'/g, '');
  const mapped = EXPANSIONS[flat];
  if (mapped) return mapped.split(' ');
  if (word.endsWith("n't")) return [word.slice(0, -3), 'not'];
  const bare = BARE_NT.exec(flat);
  if (bare) return [bare[1]!, 'not'];
  const clitic = /^(.+)'(s|ll|re|ve|d|m)$/.exec(word);
  if (clitic) {
    const tail: Record<string, string> = { s: 'is', ll: 'will', re: 'are', ve: 'have', d: 'would', m: 'am' };
    return [clitic[1]!, tail[clitic[2]!]!];
  }
  return [flat];
}

/**
 * A small suffix stripper (a subset of Porter's step 1): enough to join
 * "forgetting/forgets/forgot", "costs/costing", "worried/worries" without a dictionary.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  for (const suffix of ['ingly', 'edly', 'ing', 'ed', 'ly']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3 && /[aeiouy]/.test(w.slice(0, -suffix.length))) {
      w = w.slice(0, -suffix.length);
      // "stopped" → "stopp" → "stop"; "hoping" → "hop" stays ambiguous but rare here.
      if (/([^aeiouslz])\1$/.test(w)) w = w.slice(0, -1);
      break;
    }
  }
  // Dropping a final e joins "take/taking" and "price/prices"; y after a consonant becomes
  // i, as in Porter's step 1c, so "worry", "worries" and "worried" meet at "worri".
  if (w.endsWith('e') && w.length > 3) return w.slice(0, -1);
  return /[^aeiou]y$/.test(w) && w.length > 3 ? `${w.slice(0, -1)}i` : w;
}

/** Collapses letter runs ("soooo", "realy"/"really") so character n-grams match across typos. */
export function squeeze(word: string): string {
  return word.replace(/(.)\1+/g, '$1');
}
