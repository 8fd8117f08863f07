import {
  type Example,
  logits,
  seededRandom,
  shuffleInPlace,
  softmax,
  type TrainOptions,
  trainSoftmax,
} from './text-classifier.js';

/**
 * Temperature scaling (Guo et al. 2017): one scalar T divides the logits so that the
 * top probability matches how often the classifier is right. T is fitted on out-of-fold
 * predictions of the training corpus only — never on the evaluation cases.
 */

export type CrossValidation = { logits: number[][]; labels: number[]; accuracy: number };

/** Stratified k-fold: each class is dealt round-robin over the folds after a seeded shuffle. */
export function foldOf(labels: number[], k: number, seed: number): number[] {
  const random = seededRandom(seed);
  const folds = labels.map(() => 0);
  const byClass = new Map<number, number[]>();
  labels.forEach((y, i) => {
    byClass.set(y, [...(byClass.get(y) ?? []), i]);
  });
  let next = 0;
  for (const y of [...byClass.keys()].sort((a, b) => a - b)) {
    for (const i of shuffleInPlace(byClass.get(y)!, random)) folds[i] = next++ % k;
  }
  return folds;
}

export function crossValidate(
  examples: Example[],
  dim: number,
  classes: number,
  k: number,
  options: TrainOptions,
): CrossValidation {
  const folds = foldOf(
    examples.map((e) => e.y),
    k,
    options.seed,
  );
  const out: number[][] = examples.map(() => []);
  for (let fold = 0; fold < k; fold++) {
    const model = trainSoftmax(
      examples.filter((_, i) => folds[i] !== fold),
      dim,
      classes,
      options,
    );
    examples.forEach((e, i) => {
      if (folds[i] === fold) out[i] = logits(model, e.x);
    });
  }
  const labels = examples.map((e) => e.y);
  const correct = out.filter((z, i) => argmax(z) === labels[i]).length;
  return { logits: out, labels, accuracy: correct / examples.length };
}

function argmax(values: number[]): number {
  return values.reduce((best, v, i) => (v > values[best]! ? i : best), 0);
}

/** Mean negative log-likelihood of the true labels at temperature T. */
export function meanNll(allLogits: number[][], labels: number[], temperature: number): number {
  const total = allLogits.reduce(
    (sum, z, i) => sum - Math.log(Math.max(softmax(z, temperature)[labels[i]!]!, 1e-12)),
    0,
  );
  return total / allLogits.length;
}

/** Golden-section search over log T in [1/20, 20]; NLL is unimodal in T for a fixed set of logits. */
export function fitTemperature(allLogits: number[][], labels: number[]): number {
  const nll = (logT: number) => meanNll(allLogits, labels, Math.exp(logT));
  const ratio = (Math.sqrt(5) - 1) / 2;
  let lo = Math.log(1 / 20);
  let hi = Math.log(20);
  for (let i = 0; i < 60; i++) {
    const a = hi - ratio * (hi - lo);
    const b = lo + ratio * (hi - lo);
    if (nll(a) < nll(b)) hi = b;
    else lo = a;
  }
  return Math.exp((lo + hi) / 2);
}
