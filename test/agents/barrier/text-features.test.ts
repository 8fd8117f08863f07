import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES, extractFeatures, featureStrings } from '../../../agents/barrier/text-features.js';
import { tokenise } from '../../../agents/barrier/tokenise.js';

const strings = (text: string) => featureStrings(tokenise(text));

describe('featureStrings', () => {
  it('produces unigrams, bigrams, character n-grams and lexicon cues', () => {
    const f = strings('too expensive');
    expect([...f.word.keys()]).toEqual(['too', 'expensiv']);
    expect([...f.bigram.keys()]).toEqual(['too expensiv']);
    expect([...f.char.keys()]).toContain('<exp');
    expect([...f.char.keys()]).toContain('ive>');
    expect([...f.cue.keys()]).toEqual(['money']);
  });

  it('carries the negation into every group, so a denied cost is not a cost cue', () => {
    const f = strings("cost isn't the issue");
    expect([...f.word.keys()]).toContain('NOT_cost');
    expect([...f.word.keys()]).not.toContain('cost');
    expect([...f.cue.keys()]).toContain('NOT_money');
    expect([...f.cue.keys()]).not.toContain('money');
    expect([...f.char.keys()].filter((c) => c.includes('cos')).every((c) => c.startsWith('!'))).toBe(true);
  });

  it('maps a misspelling onto shared character n-grams', () => {
    const right = new Set(strings('really').char.keys());
    const typo = [...strings('realy').char.keys()];
    expect(typo.every((c) => right.has(c))).toBe(true);
  });
});

describe('extractFeatures', () => {
  it('hashes into the configured space, deterministically, each group at its configured norm', () => {
    const a = extractFeatures('my copay doubled and i cannot pay it');
    const b = extractFeatures('my copay doubled and i cannot pay it');
    expect(a).toEqual(b);
    expect(a.indices.every((i) => i >= 0 && i < DEFAULT_FEATURES.dim)).toBe(true);
    expect([...a.indices].sort((x, y) => x - y)).toEqual(a.indices);
    // Each group is scaled to its own norm, so a long text does not outweigh a short one.
    const norm = Math.sqrt(a.values.reduce((s, v) => s + v * v, 0));
    const { word, bigram, char, cue } = DEFAULT_FEATURES;
    expect(norm).toBeCloseTo(Math.sqrt(word ** 2 + bigram ** 2 + char ** 2 + cue ** 2), 1);
  });

  it('gives an empty vector for text with no words', () => {
    expect(extractFeatures('?!  👍')).toEqual({ indices: [], values: [] });
  });
});
