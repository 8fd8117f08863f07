/**
 * Syllables of a Spanish word, for readability formulas. Spanish spelling is close to its sound, so
 * the count is the number of vowel nuclei (no dictionary is needed, unlike English):
 * - a run of vowels is one syllable when it is a diphthong or triphthong (an unaccented i/u/ü, or
 *   y at the end of a run, beside another vowel: "cie-lo", "ciu-dad", "buey", "hoy"), and splits
 *   at each strong vowel (a, e, o) or accented weak one (í, ú): "po-e-ta", "dí-a", "re-ír";
 * - u is silent in que/qui/gue/gui ("quie-ro", "gui-so"), unless written ü ("pin-güi-no");
 * - y before a vowel is a consonant ("yo", "a-yer"); h never joins or splits anything by sound, but
 *   written between vowels it is read here as a break ("pro-hi-bir"), which is right more often.
 * The (npm) Spanish syllabifiers are unmaintained, and a count is all the formula needs.
 */

const STRONG = new Set([...'aeoáéóíú']);
const WEAK = new Set([...'iuüy']);

/** Letters as they sound: lower case, accents composed, silent u dropped. */
function spoken(word: string): string {
  return word
    .normalize('NFC')
    .toLowerCase()
    .replace(/([qg])u(?=[eiéí])/g, '$1');
}

const isVowelAt = (w: string, i: number) => {
  const c = w[i]!;
  if (STRONG.has(c) || (WEAK.has(c) && c !== 'y')) return true;
  // y is a vowel unless a vowel follows it ("hoy", "y" alone; not "yo", "ayer").
  return c === 'y' && !(i + 1 < w.length && (STRONG.has(w[i + 1]!) || WEAK.has(w[i + 1]!)));
};

/** The number of syllables of one Spanish word; a word with no vowel ("sr", "1") counts as one. */
export function spanishSyllables(word: string): number {
  const w = spoken(word);
  let count = 0;
  let i = 0;
  while (i < w.length) {
    if (!isVowelAt(w, i)) {
      i++;
      continue;
    }
    let strong = 0;
    let j = i;
    for (; j < w.length && isVowelAt(w, j); j++) if (STRONG.has(w[j]!)) strong++;
    // Weak vowels glide into their neighbours; strong ones are each a nucleus (hiatus between them).
    count += Math.max(1, strong);
    i = j;
  }
  return Math.max(1, count);
}
