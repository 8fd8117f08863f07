/**
 * Which language a short patient text is in, among the languages the service has corpora for.
 * General-purpose detectors are trained on edited prose and need a sentence or more; patients
 * write "se me olvido el refill" or "ok gracias". So this is a naive Bayes identifier trained
 * on the locales' own corpora (code-switching, misspellings and missing accents included):
 * whole words where either language has seen them, character trigrams for the rest (typos,
 * unseen inflections). Mostly Spanish with English loanwords reads as Spanish because the
 * Spanish corpus has those loanwords and the English one lacks the Spanish function words.
 * A word some language has seen counts once, as a word; only a word no language has seen
 * falls back to its trigrams (counting both would count the same evidence twice).
 */

export type LanguageSample = { language: string; texts: string[] };
type LanguageGuess = {
  /** The language the text is read in. */
  language: string;
  /** Posterior probability of that language. */
  confidence: number;
  /** The language expected from the subject's locale. */
  expected: string;
  /** True when the text is in another language than the subject's locale. */
  differs: boolean;
};

export type LanguageIdentifier = {
  languages: string[];
  detect(text: string, expected: string): LanguageGuess;
};

/**
 * A text is in the subject's language unless it says otherwise: another language must be
 * 19 times likelier on the words alone (posterior 0.95 before this prior) to win, so one
 * word both languages use ("no", "ok") or one unknown name does not switch the reading.
 */
const EXPECTED_PRIOR = Math.log(19);
const SMOOTHING = 0.5;
/** Bounds the work per text; a few hundred characters decide the language. */
const MAX_TEXT = 2000;

type Counts = { counts: Map<string, number>; total: number };

export function detectionWords(text: string): string[] {
  const folded = text.slice(0, MAX_TEXT).normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  return folded.match(/\p{L}+/gu) ?? [];
}

function trigrams(word: string): string[] {
  const padded = `<${word}>`;
  return Array.from({ length: Math.max(0, padded.length - 2) }, (_, i) => padded.slice(i, i + 3));
}

function count(items: string[], into: Counts): void {
  for (const item of items) into.counts.set(item, (into.counts.get(item) ?? 0) + 1);
  into.total += items.length;
}

export function trainLanguageIdentifier(samples: LanguageSample[]): LanguageIdentifier {
  const byLanguage = new Map<string, { words: Counts; grams: Counts }>();
  for (const { language, texts } of samples) {
    const model = byLanguage.get(language) ?? {
      words: { counts: new Map(), total: 0 },
      grams: { counts: new Map(), total: 0 },
    };
    for (const text of texts) {
      const words = detectionWords(text);
      count(words, model.words);
      count(words.flatMap(trigrams), model.grams);
    }
    byLanguage.set(language, model);
  }
  const languages = [...byLanguage.keys()].sort();
  const vocabulary = (pick: 'words' | 'grams') => {
    const all = new Set<string>();
    for (const m of byLanguage.values()) for (const k of m[pick].counts.keys()) all.add(k);
    return all;
  };
  const words = vocabulary('words');
  const grams = vocabulary('grams');
  // Items no language has seen (names, product names) say nothing and are skipped, so a
  // smaller corpus's larger unseen-item probability cannot tip the balance.
  const logP = (c: Counts, item: string, size: number) =>
    Math.log(((c.counts.get(item) ?? 0) + SMOOTHING) / (c.total + SMOOTHING * size));

  return {
    languages,
    detect(text, expected) {
      const scores = languages.map((language) => {
        const m = byLanguage.get(language)!;
        let score = language === expected ? EXPECTED_PRIOR : 0;
        for (const word of detectionWords(text)) {
          if (words.has(word)) {
            score += logP(m.words, word, words.size);
            continue;
          }
          const known = trigrams(word).filter((g) => grams.has(g));
          if (known.length > 0) score += known.reduce((s, g) => s + logP(m.grams, g, grams.size), 0) / known.length;
        }
        return score;
      });
      const max = Math.max(...scores);
      const exps = scores.map((s) => Math.exp(s - max));
      const sum = exps.reduce((a, b) => a + b, 0);
      const best = scores.indexOf(max);
      const language = languages[best] ?? expected;
      const confidence = languages.length === 0 ? 1 : exps[best]! / sum;
      return { language, confidence: Math.round(confidence * 1000) / 1000, expected, differs: language !== expected };
    },
  };
}
