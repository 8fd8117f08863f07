import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCorpus } from '../../../agents/barrier/barrier-corpus.js';
import { freeTexts } from '../../../agents/safety/free-texts.js';
import { localeFiles } from '../../../agents/safety/locale-files.js';
import { createOfflineSafetyEngine } from '../../../agents/safety/offline-safety-engine.js';
import { parseSafetyCorpus } from '../../../agents/safety/safety-corpus.js';
import { SAFETY_KINDS } from '../../../agents/safety/safety-types.js';
import { barrierCasesPath, loadBarrierCases } from '../../../evals/barrier-eval.js';
import {
  evaluateSafetyEngine,
  HELD_OUT_FLOORS,
  HELD_OUT_SETS,
  loadSafetyCases,
  ordinaryFlagRates,
  safetyCasesPath,
} from '../../../evals/safety-eval.js';

const LOCALES = ['en-US', 'es-US'] as const;

/**
 * The offline engine on cases it never trained on (`npm run eval:safety-report -- <locale> <set>` prints
 * the details). The floors (HELD_OUT_FLOORS) guard what holds; the targets are SAFETY_TARGETS.
 */
describe.each(LOCALES.flatMap((locale) => HELD_OUT_SETS.map((set) => [locale, set] as const)))(
  'offline safety triage on the held-out %s cases, set %s',
  async (locale, set) => {
    const cases = loadSafetyCases(safetyCasesPath(locale, set));
    const result = await evaluateSafetyEngine(createOfflineSafetyEngine(), cases, locale);
    const of = (kind: (typeof SAFETY_KINDS)[number]) => result.perKind.find((m) => m.kind === kind)!;
    const floors = HELD_OUT_FLOORS[set][locale];

    it("reads every case with the locale's own data, and has ≥ 30 crisis cases, each other kind and ≥ 50 hard negatives", async () => {
      const { report } = await createOfflineSafetyEngine().triage({ locale, texts: [] });
      expect(report.fallback).toBeUndefined();
      expect(of('crisis').support).toBeGreaterThanOrEqual(30);
      for (const kind of SAFETY_KINDS) expect(of(kind).support, kind).toBeGreaterThanOrEqual(10);
      expect(result.hardNegatives).toBeGreaterThanOrEqual(50);
    });

    it.each(SAFETY_KINDS)('%s recall holds its floor', (kind) => {
      expect(of(kind).recall).toBeGreaterThanOrEqual(floors.recall[kind]);
    });

    it('crisis precision holds its floor against everything else, hard negatives included', () => {
      expect(of('crisis').precision).toBeGreaterThanOrEqual(floors.crisisPrecision);
    });

    it('shares no text with anything the safety models train on: both safety corpora and both barrier corpora', () => {
      const training = LOCALES.flatMap(trainingTexts).map((t) => ` ${normal(t)} `);
      const exact = new Set(training);
      const leaked = cases.filter((c) =>
        freeTexts(c.signals).some((t) => leaks(` ${normal(t.text)} `, exact, training, CONTAINED_FROM[set])),
      );
      expect(leaked.map((c) => c.id)).toEqual([]);
    });
  },
);

/**
 * Ordinary messages reach their programme: the held-out barrier cases (cost, forgetting, doubts, low mood…)
 * are rarely held. With only the safety corpus to learn from, 23 % of the en-US texts and 11 % of the es-US
 * ones were held as a possible crisis.
 */
const ORDINARY_CEILINGS = {
  // 23 of 130 after the fourth corpus round (22 before it): the crisis share did not move (6 of 130); one more
  // text is held for an adverse event or a medical question (bench/RESULTS.md, "Safety triage: a fourth corpus round").
  // 25 of 130 after the barrier corpus stopped carrying held-out text and both models were retrained (23 before):
  // bench/RESULTS.md, "Safety triage: a leak mended".
  'en-US': { crisis: 0.06, any: 0.2 },
  // 9 of 174: four are findings by the labelling rules (a pregnancy, a parent's skin spots, a pen that may
  // not have given the whole dose, a child who cannot swallow pills); bench/RESULTS.md has the rest.
  'es-US': { crisis: 0.01, any: 0.06 },
} as const;

describe.each(LOCALES)('offline safety triage on the held-out %s barrier cases', async (locale) => {
  const texts = loadBarrierCases(barrierCasesPath(locale)).flatMap((c) => freeTexts(c.signals).map((t) => t.text));
  const rates = await ordinaryFlagRates(createOfflineSafetyEngine(), texts, locale);

  it('reads at least 100 ordinary texts, none of them in the training corpus', () => {
    expect(rates.texts).toBeGreaterThanOrEqual(100);
    const training = new Set(
      parseSafetyCorpus(readFileSync(localeFiles(locale).corpus, 'utf8'), locale).map((l) => normal(l.text)),
    );
    expect(texts.filter((t) => training.has(normal(t)))).toEqual([]);
  });

  it('holds few of them as a possible crisis, and few for any finding', () => {
    expect(rates.perKind.crisis).toBeLessThanOrEqual(ORDINARY_CEILINGS[locale].crisis);
    expect(rates.any).toBeLessThanOrEqual(ORDINARY_CEILINGS[locale].any);
  });
});

/**
 * A case leaks when a training text equals it or, for a case of CONTAINED_FROM words or more, contains it. A
 * short stock phrase ("i want to kill myself", "ok got it") inside a longer training line is no leak, except in
 * set `e`: it was written before the corpus round after `d`'s, so no training line may hold any of its cases. Set
 * `f` to `i` were written after every training line they are checked against, so they get the check of `a`–`d`.
 */
const CONTAINED_FROM = { a: 8, b: 8, c: 8, d: 8, e: 1, f: 8, g: 8, h: 8, i: 8 } as const;
const leaks = (padded: string, exact: Set<string>, training: string[], fromWords: number) =>
  exact.has(padded) || (padded.trim().split(' ').length >= fromWords && training.some((line) => line.includes(padded)));

/** The safety model learns from its corpus, and from the barrier corpus as ordinary messages. */
const trainingTexts = (locale: string) => [
  ...parseSafetyCorpus(readFileSync(localeFiles(locale).corpus, 'utf8'), locale).map((l) => l.text),
  ...parseCorpus(readFileSync(localeFiles(locale).ordinary, 'utf8')).map((l) => l.text),
];

const normal = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
