import { describe, expect, it } from 'vitest';
import { fitTemperature, foldOf, meanNll } from '../../../agents/barrier/calibration.js';
import { DEFAULT_TRAIN, type Example, predict, trainSoftmax } from '../../../agents/barrier/text-classifier.js';
import { extractFeatures } from '../../../agents/barrier/text-features.js';

const config = { dim: 1 << 10, word: 1, bigram: 0.6, char: 0.5, cue: 1 };
const TOY: Array<[string, number]> = [
  ['the copay is too expensive', 0],
  ['cannot afford the price', 0],
  ['money is tight this month', 0],
  ['too pricey for my budget', 0],
  ['i keep forgetting my dose', 1],
  ['forgot to order the refill', 1],
  ['it slipped my mind again', 1],
  ['i lose track of the days', 1],
  ['all good thanks', 2],
  ['everything is fine', 2],
  ['no problems here', 2],
  ['doing well, thank you', 2],
];
const toy: Example[] = TOY.map(([text, y]) => ({ x: extractFeatures(text, config), y }));
const top = (p: number[]) => p.indexOf(Math.max(...p));

describe('trainSoftmax', () => {
  it('learns a tiny toy set and generalises to unseen wordings', () => {
    const model = trainSoftmax(toy, config.dim, 3);
    for (const e of toy) expect(top(predict(model, e.x))).toBe(e.y);
    expect(top(predict(model, extractFeatures('the price went up', config)))).toBe(0);
    expect(top(predict(model, extractFeatures('i forgot again', config)))).toBe(1);
    expect(top(predict(model, extractFeatures('all fine, thanks', config)))).toBe(2);
  });

  it('outputs a probability distribution', () => {
    const p = predict(trainSoftmax(toy, config.dim, 3), extractFeatures('anything at all', config));
    expect(p.every((v) => v > 0 && v < 1)).toBe(true);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('is deterministic for a seed and moves with it', () => {
    const a = trainSoftmax(toy, config.dim, 3);
    expect(trainSoftmax(toy, config.dim, 3).weights).toEqual(a.weights);
    const other = trainSoftmax(toy, config.dim, 3, { ...DEFAULT_TRAIN, seed: DEFAULT_TRAIN.seed + 100 });
    expect(other.weights).not.toEqual(a.weights);
  });

  it('shrinks weights more under a stronger L2 penalty', () => {
    const size = (l2: number) =>
      trainSoftmax(toy, config.dim, 3, { ...DEFAULT_TRAIN, l2 }).weights.reduce((s, w) => s + w * w, 0);
    expect(size(0.1)).toBeLessThan(size(0));
  });
});

describe('calibration', () => {
  it('deals every class across the folds', () => {
    const labels = [0, 0, 0, 1, 1, 1, 2, 2, 2];
    const folds = foldOf(labels, 3, 7);
    for (let fold = 0; fold < 3; fold++) {
      expect(labels.filter((_, i) => folds[i] === fold).sort()).toEqual([0, 1, 2]);
    }
  });

  it('cools overconfident logits (T > 1) and sharpens timid ones (T < 1)', () => {
    // Right 3 times out of 4, but logits that claim near-certainty.
    const loud = [
      [8, 0],
      [8, 0],
      [8, 0],
      [8, 0],
    ];
    const labels = [0, 0, 0, 1];
    const t = fitTemperature(loud, labels);
    expect(t).toBeGreaterThan(1);
    expect(meanNll(loud, labels, t)).toBeLessThan(meanNll(loud, labels, 1));
    const timid = [
      [0.2, 0],
      [0.2, 0],
      [0.2, 0],
      [0, 0.2],
    ];
    expect(fitTemperature(timid, [0, 0, 0, 1])).toBeLessThan(1);
  });
});
