import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath, parseCorpus } from '../../../agents/barrier/barrier-corpus.js';
import { barrierCaseLocales, barrierCasesPath, loadBarrierCases } from '../../../evals/barrier-eval.js';

/** Case, accents, punctuation and spacing do not make a sentence new. */
const normal = (text: string) =>
  (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).join(' ');

const heldOutTexts = (locale: string) =>
  loadBarrierCases(barrierCasesPath(locale)).flatMap((c) =>
    c.signals.flatMap((s) => {
      const text = s.data?.answer ?? s.data?.text;
      return typeof text === 'string' ? [{ id: c.id, text }] : [];
    }),
  );

describe.each(barrierCaseLocales())('the %s held-out barrier cases', (locale) => {
  const training = parseCorpus(readFileSync(corpusPath(locale), 'utf8')).map((l) => ` ${normal(l.text)} `);
  const exact = new Set(training.map((t) => t.trim()));

  it('never appear in the training corpus, not even with other accents, case or punctuation', () => {
    const leaked = heldOutTexts(locale).filter(({ text }) => exact.has(normal(text)));
    expect(leaked).toEqual([]);
  });

  it('are not inside a training line either (texts of three words or more)', () => {
    const inside = heldOutTexts(locale).filter(({ text }) => {
      const n = normal(text);
      return n.split(' ').length >= 3 && training.some((t) => t.includes(` ${n} `));
    });
    expect(inside).toEqual([]);
  });
});

describe('the Spanish held-out cases', () => {
  it('has at least 150 cases, each barrier at least 15 times, each with Spanish text', () => {
    const cases = loadBarrierCases(barrierCasesPath('es-US'));
    expect(cases.length).toBeGreaterThanOrEqual(150);
    const counts = new Map<string, number>();
    for (const c of cases) counts.set(c.barrier, (counts.get(c.barrier) ?? 0) + 1);
    expect(counts.size).toBe(10);
    for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(15);
    expect(heldOutTexts('es-US').length).toBe(cases.length);
  });
});
