import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freeTexts } from '../../../agents/safety/free-texts.js';
import { SAFETY_DATA_DIR } from '../../../agents/safety/locale-files.js';
import { parseSafetyCorpus } from '../../../agents/safety/safety-corpus.js';
import { SAFETY_KINDS } from '../../../agents/safety/safety-types.js';
import { loadSafetyCases, safetyCasesPath } from '../../../evals/safety-eval.js';

/** Case, punctuation and spacing do not make a text new. */
const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const corpus = parseSafetyCorpus(readFileSync(`${SAFETY_DATA_DIR}safety-corpus.en-US.jsonl`, 'utf8'));
const cases = loadSafetyCases(safetyCasesPath('en-US'));

describe('the en-US training corpus', () => {
  it('has several hundred lines per kind, more for crisis and adverse events, and ≥ 800 hard negatives', () => {
    const count = (kind: string) => corpus.filter((l) => (l.kinds as string[]).includes(kind)).length;
    for (const kind of SAFETY_KINDS) expect(count(kind), kind).toBeGreaterThanOrEqual(300);
    expect(count('crisis')).toBeGreaterThan(count('product_complaint'));
    expect(count('adverse_event')).toBeGreaterThan(count('product_complaint'));
    expect(corpus.filter((l) => l.kinds.length === 0).length).toBeGreaterThanOrEqual(800);
  });

  it('has no line twice', () => {
    const texts = corpus.map((l) => normalise(l.text));
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe('the held-out en-US cases', () => {
  it('have ≥ 60 cases per kind and ≥ 200 hard negatives', () => {
    for (const kind of SAFETY_KINDS)
      expect(cases.filter((c) => c.kinds.includes(kind)).length).toBeGreaterThanOrEqual(60);
    expect(cases.filter((c) => c.kinds.length === 0).length).toBeGreaterThanOrEqual(200);
  });

  it('each carry free text to triage', () => {
    for (const c of cases) expect(freeTexts(c.signals).length, c.id).toBeGreaterThan(0);
  });
});
