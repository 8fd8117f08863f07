/**
 * Classification metrics shared by the evaluation reports: a confusion matrix and what
 * is read off it, plus calibration (is a confidence of 0.8 right 80% of the time?).
 */

export type Outcome<L extends string> = { actual: L; predicted: L };
export type LabelMetrics<L extends string> = {
  label: L;
  precision: number;
  recall: number;
  f1: number;
  support: number;
};

/** matrix[actual][predicted], rows and columns in the order of `labels`. */
export function confusionMatrix<L extends string>(labels: readonly L[], outcomes: Outcome<L>[]): number[][] {
  const matrix = labels.map(() => labels.map(() => 0));
  for (const { actual, predicted } of outcomes) {
    const row = labels.indexOf(actual);
    const col = labels.indexOf(predicted);
    if (row < 0 || col < 0) throw new Error(`unknown label: ${row < 0 ? actual : predicted}`);
    matrix[row]![col]!++;
  }
  return matrix;
}

/** Precision, recall and F1 per label; a label never predicted (or never present) scores 0, not NaN. */
export function perLabelMetrics<L extends string>(labels: readonly L[], matrix: number[][]): LabelMetrics<L>[] {
  return labels.map((label, i) => {
    const tp = matrix[i]![i]!;
    const support = sum(matrix[i]!);
    const predicted = sum(matrix.map((row) => row[i]!));
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
}

/** Unweighted mean F1 over the labels that occur, so a rare barrier counts as much as a common one. */
export function macroF1<L extends string>(metrics: LabelMetrics<L>[]): number {
  const present = metrics.filter((m) => m.support > 0);
  return present.length === 0 ? 0 : sum(present.map((m) => m.f1)) / present.length;
}

export function accuracy(matrix: number[][]): number {
  const total = sum(matrix.map(sum));
  return total === 0 ? 0 : sum(matrix.map((row, i) => row[i]!)) / total;
}

export type Scored = { confidence: number; correct: boolean };

/** Expected calibration error over equal-width confidence bins (Naeini et al. 2015). */
export function expectedCalibrationError(scored: Scored[], bins = 10): number {
  if (scored.length === 0) return 0;
  let error = 0;
  for (let b = 0; b < bins; b++) {
    const inBin = scored.filter((s) => Math.min(bins - 1, Math.floor(s.confidence * bins)) === b);
    if (inBin.length === 0) continue;
    const meanConfidence = sum(inBin.map((s) => s.confidence)) / inBin.length;
    const hitRate = inBin.filter((s) => s.correct).length / inBin.length;
    error += (inBin.length / scored.length) * Math.abs(meanConfidence - hitRate);
  }
  return error;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
