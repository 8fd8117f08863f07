import type { SparseVector } from './text-features.js';

/**
 * Multinomial logistic regression (softmax) over hashed sparse features, trained with
 * AdaGrad and L2. Everything is seeded and ordered, so the same corpus gives the same
 * weights on every machine — the committed model file can be checked against a retrain.
 */

export type SoftmaxModel = {
  dim: number;
  classes: number;
  /** Row-major: weights[feature * classes + class]. */
  weights: Float64Array;
  bias: Float64Array;
  /** Temperature from calibration; logits are divided by it before the softmax. */
  temperature: number;
};

export type TrainOptions = { epochs: number; learningRate: number; l2: number; seed: number; replicas: number };
export const DEFAULT_TRAIN: TrainOptions = { epochs: 10, learningRate: 0.4, l2: 1e-4, seed: 20261120, replicas: 3 };

export type Example = { x: SparseVector; y: number };

/** mulberry32: a tiny seeded PRNG; Math.random would make every training run different. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export function logits(model: SoftmaxModel, x: SparseVector): number[] {
  const z = Array.from(model.bias);
  for (let n = 0; n < x.indices.length; n++) {
    const v = x.values[n]!;
    const row = x.indices[n]! * model.classes;
    for (let k = 0; k < model.classes; k++) z[k]! += model.weights[row + k]! * v;
  }
  return z;
}

export function softmax(z: number[], temperature = 1): number[] {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of z) max = Math.max(max, v / temperature);
  const exps = z.map((v) => Math.exp(v / temperature - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** Calibrated class probabilities for one feature vector. */
export function predict(model: SoftmaxModel, x: SparseVector): number[] {
  return softmax(logits(model, x), model.temperature);
}

/**
 * Trains `replicas` models on differently shuffled orders and averages them: on a corpus
 * of short texts, which example came last moves the weights noticeably, and the average
 * of linear models is a linear model of the same size.
 */
export function trainSoftmax(
  examples: Example[],
  dim: number,
  classes: number,
  options: TrainOptions = DEFAULT_TRAIN,
): SoftmaxModel {
  const replicas = Array.from({ length: options.replicas }, (_, r) =>
    trainOnce(examples, dim, classes, { ...options, seed: options.seed + r }),
  );
  const weights = new Float64Array(dim * classes);
  const bias = new Float64Array(classes);
  for (const m of replicas) {
    for (let i = 0; i < weights.length; i++) weights[i]! += m.weights[i]! / replicas.length;
    for (let k = 0; k < classes; k++) bias[k]! += m.bias[k]! / replicas.length;
  }
  return { dim, classes, weights, bias, temperature: 1 };
}

/** One AdaGrad run; the iterates of the second half are averaged (Polyak–Ruppert) for the same reason. */
function trainOnce(examples: Example[], dim: number, classes: number, options: TrainOptions): SoftmaxModel {
  const model: SoftmaxModel = {
    dim,
    classes,
    weights: new Float64Array(dim * classes),
    bias: new Float64Array(classes),
    temperature: 1,
  };
  const gradSq = new Float64Array(dim);
  const grad = new Float64Array(classes);
  const biasGradSq = new Float64Array(classes);
  const average = { weights: new Float64Array(dim * classes), bias: new Float64Array(classes), n: 0 };
  const { learningRate: lr, l2 } = options;
  const random = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const i of order) {
      const { x, y } = examples[i]!;
      const err = predict(model, x).map((p, k) => p - (k === y ? 1 : 0));
      for (let k = 0; k < classes; k++) {
        biasGradSq[k]! += err[k]! * err[k]!;
        model.bias[k]! -= (lr * err[k]!) / (Math.sqrt(biasGradSq[k]!) + 1e-8);
      }
      for (let n = 0; n < x.indices.length; n++) {
        const f = x.indices[n]!;
        const v = x.values[n]!;
        const row = f * classes;
        // Row-wise AdaGrad: one step size per feature, shared by its classes — a tenth of
        // the square roots of per-weight AdaGrad, and the same rare-feature boost.
        // L2 is applied lazily, only to the weights this example touches.
        let sq = 0;
        for (let k = 0; k < classes; k++) {
          const g = err[k]! * v + l2 * model.weights[row + k]!;
          grad[k] = g;
          sq += g * g;
        }
        gradSq[f]! += sq / classes;
        const step = lr / (Math.sqrt(gradSq[f]!) + 1e-8);
        for (let k = 0; k < classes; k++) model.weights[row + k]! -= step * grad[k]!;
      }
    }
    if (epoch >= options.epochs / 2) {
      for (let i = 0; i < average.weights.length; i++) average.weights[i]! += model.weights[i]!;
      for (let k = 0; k < classes; k++) average.bias[k]! += model.bias[k]!;
      average.n++;
    }
  }
  model.weights = average.weights.map((w) => w / average.n);
  model.bias = average.bias.map((b) => b / average.n);
  return model;
}
