import { fnv1a32 as hash32 } from '../../src/content/fnv1a.js';
import type { SparseVector } from '../barrier/text-features.js';
import { squeeze } from '../barrier/text-normalise.js';
import type { LanguageProfile } from './language-profile.js';
import type { SafetyToken } from './safety-tokenise.js';
import type { Span } from './safety-windows.js';

/**
 * A span of tokens → hashed sparse features: word stems, bigrams and skip-bigrams ("kill …
 * myself"), character 3–4-grams (misspellings, unseen inflections, slang spelt five ways)
 * and lexicon categories. Words, bigrams and categories also come in a copy marked with
 * their negation / hypothesis scope. Each group is scaled to a fixed norm so a long window
 * does not outvote a short one; 2^18 buckets keep the ~30k features of a corpus apart.
 */

export type SafetyFeatureConfig = { dim: number; word: number; bigram: number; char: number; cue: number };
export const DEFAULT_SAFETY_FEATURES: SafetyFeatureConfig = { dim: 1 << 18, word: 1, bigram: 0.7, char: 0.5, cue: 0.8 };
/** Bump when tokenising or extraction code changes: a model trained with other features is stale. */
export const SAFETY_FEATURE_VERSION = 3;

type Group = 'word' | 'bigram' | 'char' | 'cue';
const GROUPS: Group[] = ['word', 'bigram', 'char', 'cue'];

/** Per-token feature hashes, computed once and shared by every window that reads the token. */
export type TokenFeatures = {
  word: number[][];
  bigram: number[][];
  char: number[][];
  cue: number[][];
  skip: number[][];
  question: boolean[];
};

const mark = (t: SafetyToken) => `${t.negated ? '!' : ''}${t.hypothetical ? '?' : ''}`;

export function tokenFeatures(tokens: SafetyToken[], profile: LanguageProfile, dim: number): TokenFeatures {
  const h = (s: string) => hash32(s) % dim;
  // A marked token gives its plain feature too: "want to live" and "don't want to live" share
  // what they are about, and the marked copy carries what the negation changes.
  const both = (key: string, m: string) => (m === '' || m === '|' ? [h(key)] : [h(key), h(`${m}${key}`)]);
  const out: TokenFeatures = { word: [], bigram: [], char: [], cue: [], skip: [], question: [] };
  tokens.forEach((t, i) => {
    const m = mark(t);
    const prev = tokens[i - 1];
    out.bigram.push(prev && prev.clause === t.clause ? both(`b:${prev.stem} ${t.stem}`, `${mark(prev)}|${m}`) : []);
    out.cue.push((profile.cuesByStem.get(t.stem) ?? []).flatMap((c) => both(`q:${c}`, m)));
    out.question.push(t.question);
    const before = tokens[i - 2];
    out.skip.push(before && before.clause === t.clause ? [h(`s:${before.stem} ${t.stem}`)] : []);
    if (profile.stopwords.has(t.word)) {
      out.word.push([]);
      out.char.push([]);
      return;
    }
    out.word.push(both(`w:${t.stem}`, m));
    const padded = `<${squeeze(t.word)}>`;
    const grams: number[] = [];
    for (const n of [3, 4]) for (let j = 0; j + n <= padded.length; j++) grams.push(h(`c:${padded.slice(j, j + n)}`));
    out.char.push(grams);
  });
  return out;
}

/** The feature vector of one span; the first token's bigram (with a token outside the span) is left out. */
export function spanVector(f: TokenFeatures, span: Span, config: SafetyFeatureConfig): SparseVector {
  const sets: Record<Group, Set<number>> = { word: new Set(), bigram: new Set(), char: new Set(), cue: new Set() };
  let question = false;
  for (let i = span.from; i < span.to; i++) {
    for (const w of f.word[i]!) sets.word.add(w);
    if (i > span.from) for (const b of f.bigram[i]!) sets.bigram.add(b);
    for (const c of f.char[i]!) sets.char.add(c);
    for (const c of f.cue[i]!) sets.cue.add(c);
    question ||= f.question[i]!;
  }
  if (question) sets.cue.add(hash32('q:question_mark') % config.dim);
  for (let i = span.from + 2; i < span.to; i++) for (const x of f.skip[i]!) sets.bigram.add(x);
  const acc = new Map<number, number>();
  for (const group of GROUPS) {
    const set = sets[group];
    if (set.size === 0) continue;
    const value = config[group] / Math.sqrt(set.size);
    for (const index of set) acc.set(index, (acc.get(index) ?? 0) + value);
  }
  const indices = [...acc.keys()].sort((a, b) => a - b);
  return { indices, values: indices.map((i) => acc.get(i)!) };
}
