import { fnv1a32 } from '../../src/content/fnv1a.js';
import type { LanguageProfile } from '../language/language-profile.js';
import { DEFAULT_LOCALE, loadProfile } from '../language/profile-files.js';
import { squeeze } from './text-normalise.js';
import { type Token, tokenise } from './tokenise.js';

/**
 * Text → hashed sparse features: word unigrams, bigrams, character 3–4-grams (for typos
 * and unseen inflections) and lexicon cues, each carrying its token's negation mark and
 * contrast weight. Hashing keeps the feature space fixed whatever the corpus holds.
 *
 * Lexicon cues: a few hundred labelled lines cannot contain every synonym; a cue feature
 * lets a word the corpus never used ("deductible", "backordered") borrow the weight its
 * theme (money, harm, memory…, listed in the locale's profile) learned from the words it
 * did. The classifier still learns each cue's weight per barrier, so overlap is harmless.
 */

export type SparseVector = { indices: number[]; values: number[] };
export type FeatureConfig = { dim: number; word: number; bigram: number; char: number; cue: number };
type Group = 'word' | 'bigram' | 'char' | 'cue';

/**
 * Names the feature extraction a model was trained with: bump the version when tokenising
 * or extraction code changes; the profile's hash follows its edits (words, cues) by itself.
 * A saved model with another fingerprint is retrained rather than fed features it never saw.
 */
const FEATURE_VERSION = 5;
export function featureFingerprint(profile: LanguageProfile): string {
  return `v${FEATURE_VERSION}+${profile.locale}:${profile.sha256.slice(0, 16)}`;
}
export const DEFAULT_FEATURES: FeatureConfig = { dim: 1 << 13, word: 1, bigram: 0.6, char: 0.5, cue: 1 };

const english = () => loadProfile(DEFAULT_LOCALE);

const mark = (t: Token) => (t.negated ? `NOT_${t.stem}` : t.stem);

/** Each feature string of a text with its weight (the largest among the tokens that produced it). */
export function featureStrings(
  tokens: Token[],
  profile: LanguageProfile = english(),
): Record<Group, Map<string, number>> {
  const groups: Record<Group, Map<string, number>> = {
    word: new Map(),
    bigram: new Map(),
    char: new Map(),
    cue: new Map(),
  };
  const add = (group: Group, feature: string, weight: number) =>
    groups[group].set(feature, Math.max(weight, groups[group].get(feature) ?? 0));
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    if (prev && prev.clause === t.clause) add('bigram', `${mark(prev)} ${mark(t)}`, Math.min(prev.weight, t.weight));
    for (const cue of profile.cues.get(t.stem) ?? []) add('cue', t.negated ? `NOT_${cue}` : cue, t.weight);
    if (profile.stopwords.has(t.word)) return;
    add('word', mark(t), t.weight);
    const padded = `<${squeeze(t.word)}>`;
    for (const n of [3, 4]) {
      for (let j = 0; j + n <= padded.length; j++)
        add('char', `${t.negated ? '!' : ''}${padded.slice(j, j + n)}`, t.weight);
    }
  });
  return groups;
}

/** Each group is scaled to norm `config[group]`, so long texts and many n-grams do not drown the words. */
export function extractFeatures(
  text: string,
  config: FeatureConfig = DEFAULT_FEATURES,
  profile: LanguageProfile = english(),
): SparseVector {
  const groups = featureStrings(tokenise(text, profile), profile);
  const acc = new Map<number, number>();
  for (const group of ['word', 'bigram', 'char', 'cue'] as const) {
    const features = groups[group];
    const norm = Math.sqrt([...features.values()].reduce((s, w) => s + w * w, 0));
    if (norm === 0) continue;
    for (const [feature, weight] of features) {
      const index = fnv1a32(`${group}:${feature}`) % config.dim;
      acc.set(index, (acc.get(index) ?? 0) + (config[group] * weight) / norm);
    }
  }
  const indices = [...acc.keys()].sort((a, b) => a - b);
  return { indices, values: indices.map((i) => acc.get(i)!) };
}
