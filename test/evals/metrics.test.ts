import { describe, expect, it } from 'vitest';
import { accuracy, confusionMatrix, expectedCalibrationError, macroF1, perLabelMetrics } from '../../evals/metrics.js';

const LABELS = ['a', 'b', 'c'] as const;
const outcomes = [
  { actual: 'a', predicted: 'a' },
  { actual: 'a', predicted: 'a' },
  { actual: 'a', predicted: 'b' },
  { actual: 'b', predicted: 'b' },
  { actual: 'b', predicted: 'a' },
  { actual: 'c', predicted: 'c' },
] as const;

describe('classification metrics', () => {
  it('counts a confusion matrix with rows as actual and columns as predicted', () => {
    expect(confusionMatrix(LABELS, [...outcomes])).toEqual([
      [2, 1, 0],
      [1, 1, 0],
      [0, 0, 1],
    ]);
    expect(() => confusionMatrix(LABELS, [{ actual: 'a', predicted: 'z' as 'a' }])).toThrow(/unknown label: z/);
  });

  it('reads precision, recall, F1, macro-F1 and accuracy off the matrix', () => {
    const matrix = confusionMatrix(LABELS, [...outcomes]);
    const [a, b, c] = perLabelMetrics(LABELS, matrix);
    expect(a).toMatchObject({ label: 'a', precision: 2 / 3, recall: 2 / 3, support: 3 });
    expect(a!.f1).toBeCloseTo(2 / 3, 10);
    expect(b).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(c).toMatchObject({ precision: 1, recall: 1, f1: 1, support: 1 });
    expect(macroF1([a!, b!, c!])).toBeCloseTo((2 / 3 + 0.5 + 1) / 3, 10);
    expect(accuracy(matrix)).toBeCloseTo(4 / 6, 10);
  });

  it('scores a never-predicted label 0 instead of NaN and leaves absent labels out of macro-F1', () => {
    const matrix = confusionMatrix(LABELS, [
      { actual: 'a', predicted: 'a' },
      { actual: 'b', predicted: 'a' },
    ]);
    const metrics = perLabelMetrics(LABELS, matrix);
    expect(metrics[1]).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(metrics[2]!.support).toBe(0);
    expect(macroF1(metrics)).toBeCloseTo((2 / 3 + 0) / 2, 10);
  });

  it('measures calibration error: 0 when confidence matches the hit rate', () => {
    const calibrated = [
      { confidence: 0.75, correct: true },
      { confidence: 0.75, correct: true },
      { confidence: 0.75, correct: true },
      { confidence: 0.75, correct: false },
    ];
    expect(expectedCalibrationError(calibrated)).toBeCloseTo(0, 10);
    const overconfident = calibrated.map((s) => ({ ...s, confidence: 0.95 }));
    expect(expectedCalibrationError(overconfident)).toBeCloseTo(0.2, 10);
    expect(expectedCalibrationError([])).toBe(0);
  });
});
