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

export type TrainOptions = { epochs: number; learningRate: number; l2: number; seed: number };
export const DEFAULT_TRAIN: TrainOptions = { epochs: 40, learningRate: 0.4, l2: 1e-4, seed: 20261120 };

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
  x.indices.forEach((f, n) => {
    const v = x.values[n]!;
    const row = f * model.classes;
    for (let k = 0; k < model.classes; k++) z[k]! += model.weights[row + k]! * v;
  });
  return z;
}

export function softmax(z: number[], temperature = 1): number[] {
  const scaled = z.map((v) => v / temperature);
  const max = Math.max(...scaled);
  const exps = scaled.map((v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** Calibrated class probabilities for one feature vector. */
export function predict(model: SoftmaxModel, x: SparseVector): number[] {
  return softmax(logits(model, x), model.temperature);
}

export function trainSoftmax(
  examples: Example[],
  dim: number,
  classes: number,
  options: TrainOptions = DEFAULT_TRAIN,
): SoftmaxModel {
  const model: SoftmaxModel = {
    dim,
    classes,
    weights: new Float64Array(dim * classes),
    bias: new Float64Array(classes),
    temperature: 1,
  };
  const gradSq = new Float64Array(dim * classes);
  const biasGradSq = new Float64Array(classes);
  const { learningRate: lr, l2 } = options;
  const random = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const i of order) {
      const { x, y } = examples[i]!;
      const p = predict(model, x);
      for (let k = 0; k < classes; k++) {
        const err = p[k]! - (k === y ? 1 : 0);
        biasGradSq[k]! += err * err;
        model.bias[k]! -= (lr * err) / (Math.sqrt(biasGradSq[k]!) + 1e-8);
        x.indices.forEach((f, n) => {
          const at = f * classes + k;
          // L2 is applied lazily, only to the weights this example touches: sparse and fast.
          const g = err * x.values[n]! + l2 * model.weights[at]!;
          gradSq[at]! += g * g;
          model.weights[at]! -= (lr * g) / (Math.sqrt(gradSq[at]!) + 1e-8);
        });
      }
    }
  }
  return model;
}
