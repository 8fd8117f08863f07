import { cuesOf } from './barrier-lexicon.js';
import { expandWord, squeeze, stem } from './text-normalise.js';

/**
 * Text → hashed sparse features for the barrier classifier. Negation is marked on the
 * tokens it governs (NOT_x), so "cost isn't the issue" does not read as a cost complaint.
 */

export type Token = { word: string; stem: string; negated: boolean; clause: number };
export type SparseVector = { indices: number[]; values: number[] };
export type FeatureConfig = { dim: number; word: number; bigram: number; char: number; cue: number };

/** Bump when tokenisation or feature extraction changes: a saved model of another version is retrained. */
export const FEATURE_VERSION = 1;
export const DEFAULT_FEATURES: FeatureConfig = { dim: 1 << 14, word: 1, bigram: 0.6, char: 0.5, cue: 1 };

const NEGATORS = new Set(['not', 'no', 'never', 'without', 'nothing', 'nobody', 'neither', 'nor', 'none', 'hardly']);
/** A contrast starts a new claim, so it ends a negation's scope as punctuation does. */
const SCOPE_ENDS = new Set(['but', 'however', 'though', 'although', 'yet', 'except', 'instead']);
const COPULAS = new Set(['is', 'are', 'was', 'were', 'be']);
const PROBLEM_STEMS = new Set(
  ['issue', 'problem', 'reason', 'concern', 'worry', 'thing', 'deal', 'factor', 'why'].map(stem),
);
const FINE_WORDS = new Set(['fine', 'ok', 'okay']);
/** Function words carry no barrier on their own; they still count inside bigrams. */
const STOPWORDS = new Set(['i', 'me', 'my', 'a', 'an', 'the', 'to', 'of', 'it', 'is', 'am', 'are', 'and', 'or']);
const BOUNDARY = /^[.,;:!?()\n]$/;

export function tokenise(text: string): Token[] {
  const raw =
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[‘’`´]/g, "'")
      .match(/\$|[a-z0-9']+|[.,;:!?()\n]/g) ?? [];
  const clauses: string[][] = [[]];
  for (const piece of raw) {
    if (BOUNDARY.test(piece)) {
      clauses.push([]);
      continue;
    }
    for (const expanded of expandWord(piece)) {
      const word = /^\d+$/.test(expanded) ? '#num' : expanded;
      if (SCOPE_ENDS.has(word)) clauses.push([]);
      clauses.at(-1)!.push(word);
    }
  }
  return clauses.flatMap((words, clause) =>
    negationScope(words).map((negated, i) => ({ word: words[i]!, stem: stem(words[i]!), negated, clause })),
  );
}

/** Which words of one clause a negation governs. */
function negationScope(words: string[]): boolean[] {
  const negated = words.map(() => false);
  let inScope = false;
  words.forEach((word, i) => {
    if (NEGATORS.has(word)) inScope = true;
    else negated[i] = inScope;
  });
  // "cost is not the issue", "money is fine": the verdict sits after the subject it denies.
  words.forEach((word, i) => {
    if (!COPULAS.has(word)) return;
    const next = words[i + 1] ?? '';
    const deniesProblem = next === 'not' && words.slice(i + 2, i + 5).some((w) => PROBLEM_STEMS.has(stem(w)));
    if (deniesProblem || FINE_WORDS.has(next)) for (let j = 0; j < i; j++) negated[j] = true;
  });
  return negated;
}

const mark = (t: Token) => (t.negated ? `NOT_${t.stem}` : t.stem);

/** The feature strings of a text, by group; each group is weighted and normalised on its own. */
type Groups = { word: string[]; bigram: string[]; char: string[]; cue: string[] };
export function featureStrings(tokens: Token[]): Groups {
  const content = tokens.filter((t) => !STOPWORDS.has(t.word));
  const bigram: string[] = [];
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    if (prev && prev.clause === t.clause) bigram.push(`${mark(prev)} ${mark(t)}`);
  });
  const char: string[] = [];
  for (const t of content) {
    const padded = `<${squeeze(t.word)}>`;
    for (const n of [3, 4]) {
      for (let i = 0; i + n <= padded.length; i++) char.push(`${t.negated ? '!' : ''}${padded.slice(i, i + n)}`);
    }
  }
  const cue = tokens.flatMap((t) => cuesOf(t.stem).map((c) => (t.negated ? `NOT_${c}` : c)));
  return { word: content.map(mark), bigram, char, cue };
}

/** FNV-1a: a stable 32-bit hash, so a saved model means the same features on every machine. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Binary presence per group, each group scaled to norm `weight`, hashed into `dim` buckets. */
export function extractFeatures(text: string, config: FeatureConfig = DEFAULT_FEATURES): SparseVector {
  const groups = featureStrings(tokenise(text));
  const acc = new Map<number, number>();
  for (const group of ['word', 'bigram', 'char', 'cue'] as const) {
    const distinct = new Set(groups[group]);
    if (distinct.size === 0) continue;
    const value = config[group] / Math.sqrt(distinct.size);
    for (const f of distinct) {
      const index = hash32(`${group}:${f}`) % config.dim;
      acc.set(index, (acc.get(index) ?? 0) + value);
    }
  }
  const indices = [...acc.keys()].sort((a, b) => a - b);
  return { indices, values: indices.map((i) => acc.get(i)!) };
}
