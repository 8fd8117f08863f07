import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { BARRIERS, Barrier } from '../../src/domain/block.js';
import type { LanguageProfile } from '../language/language-profile.js';
import type { SoftmaxModel } from './text-classifier.js';
import type { FeatureConfig } from './text-features.js';

/** The hashed feature space and each feature group's weight, as a committed text model records them. */
export const FeatureWeights = z.object({
  dim: z.number().int().positive(),
  word: z.number(),
  bigram: z.number(),
  char: z.number(),
  cue: z.number(),
});

/** How a committed text model was trained (seeded, so the same corpus makes the same file). */
export const TrainingRun = z.object({
  epochs: z.number().int(),
  learningRate: z.number(),
  l2: z.number(),
  seed: z.number().int(),
  replicas: z.number().int(),
  folds: z.number().int(),
  examples: z.number().int(),
});

/**
 * A committed model (agents/data/barrier-model.<locale>.json): only the hashed features the
 * corpus produced have rows, and weights are rounded to 4 decimals, which keeps the
 * file small and its diffs readable without changing any prediction that matters.
 */
export const BarrierModelFile = z.object({
  format: z.literal('nof1-barrier-softmax'),
  /** The locale whose profile tokenised the corpus: the model reads text of that language only. */
  locale: z.string(),
  featureFingerprint: z.string(),
  corpusSha256: z.string().regex(/^[0-9a-f]{64}$/),
  labels: z.array(Barrier),
  features: FeatureWeights,
  training: TrainingRun.extend({
    cvAccuracy: z.number(),
    cvNllBefore: z.number(),
    cvNllAfter: z.number(),
  }),
  temperature: z.number().positive(),
  bias: z.array(z.number()),
  /** [featureIndex, weight per label...] for every feature with a non-zero weight. */
  rows: z.array(z.array(z.number())),
});
export type BarrierModelFile = z.infer<typeof BarrierModelFile>;

/** What the engine classifies with: the weights, the feature settings, the label order and the language profile. */
export type BarrierModel = {
  locale: string;
  profile: LanguageProfile;
  softmax: SoftmaxModel;
  features: FeatureConfig;
  labels: Barrier[];
  corpusSha256: string;
};

const round4 = (v: number) => Math.round(v * 1e4) / 1e4 || 0;

export function packWeights(model: SoftmaxModel): Pick<BarrierModelFile, 'temperature' | 'bias' | 'rows'> {
  const rows: number[][] = [];
  for (let f = 0; f < model.dim; f++) {
    const row = Array.from(model.weights.subarray(f * model.classes, (f + 1) * model.classes), round4);
    if (row.some((w) => w !== 0)) rows.push([f, ...row]);
  }
  return { temperature: round4(model.temperature), bias: Array.from(model.bias, round4), rows };
}

export function unpackModel(file: BarrierModelFile, profile: LanguageProfile): BarrierModel {
  if (profile.locale !== file.locale)
    throw new Error(`barrier model: ${file.locale} model with a ${profile.locale} profile`);
  const classes = file.labels.length;
  if (classes !== BARRIERS.length || file.bias.length !== classes) {
    throw new Error(`barrier model: expected ${BARRIERS.length} labels, got ${classes}`);
  }
  return {
    locale: file.locale,
    profile,
    softmax: unpackSoftmax(file, classes, 'barrier model'),
    features: file.features,
    labels: file.labels,
    corpusSha256: file.corpusSha256,
  };
}

/** One row per line: a header a person can read, weights that diff line by line (any model file with `rows`). */
export function serialiseModelFile(file: { rows: number[][] }): string {
  const { rows, ...header } = file;
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, '');
  return `${head},\n  "rows": [\n${rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]\n}\n`;
}

/** The weights of a committed text model (packWeights' rows) back into a softmax over `classes` labels. */
export function unpackSoftmax(
  file: Pick<BarrierModelFile, 'features' | 'bias' | 'rows' | 'temperature'>,
  classes: number,
  what: string,
): SoftmaxModel {
  const weights = new Float64Array(file.features.dim * classes);
  for (const [f, ...row] of file.rows) {
    if (f === undefined || !Number.isInteger(f) || f < 0 || f >= file.features.dim || row.length !== classes) {
      throw new Error(`${what}: malformed weight row for feature ${f}`);
    }
    weights.set(row, f * classes);
  }
  return {
    dim: file.features.dim,
    classes,
    weights,
    bias: Float64Array.from(file.bias),
    temperature: file.temperature,
  };
}

/** A committed model file parsed against its schema, or why it cannot be read (the caller then retrains). */
export function readModelFile<T>(path: string, schema: z.ZodType<T>): T | string {
  if (!existsSync(path)) return 'no model file';
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return 'model file is not JSON';
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : 'model file does not match its schema';
}
