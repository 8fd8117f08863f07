import snowball from 'snowball-stemmers';

export type Stemmer = (word: string) => string;

/**
 * The stemmer a profile names. English keeps its small Porter step-1 stripper (the model was built
 * on it and it joins only what it should); other languages use a Snowball algorithm from
 * snowball-stemmers, so a new locale picks its stemmer by name.
 */
export function stemmerNamed(name: string): Stemmer {
  if (name === 'porter-step1') return porterStep1;
  const algorithm = name.startsWith('snowball:') ? name.slice('snowball:'.length) : '';
  if (!snowball.algorithms().includes(algorithm)) throw new Error(`unknown stemmer ${name}`);
  const stemmer = snowball.newStemmer(algorithm);
  // Numbers and placeholders ("#num") are not words of the language.
  return (word) => (word.length <= 3 || /[\d#]/.test(word) ? word : stemmer.stem(word));
}

/**
 * A small suffix stripper (a subset of Porter's step 1): enough to join
 * "forgetting/forgets/forgot", "costs/costing", "worried/worries" without a dictionary.
 */
function porterStep1(word: string): string {
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
