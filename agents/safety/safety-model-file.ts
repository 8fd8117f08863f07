import { z } from 'zod';
import { BARRIERS } from '../../src/domain/block.js';
import { FeatureWeights, packWeights, TrainingRun, unpackSoftmax } from '../barrier/model-file.js';
import type { SoftmaxModel } from '../barrier/text-classifier.js';
import type { SafetyFeatureConfig } from './safety-features.js';
import { SAFETY_KINDS } from './safety-types.js';

/**
 * The committed model of one locale (`agents/data/safety-model.<locale>.json`): a
 * multinomial logistic regression over `none`, the four kinds (a text with two kinds is a
 * training example of each) and one label per barrier for ordinary messages, stored as rows
 * `[feature, w_none, w_crisis, w_ae, w_pc, w_mi, w_ordinary_cost, …]` rounded to 4 decimals,
 * with its temperature, each kind's threshold and the hashes of the data it was trained
 * from, so a stale model is detected.
 *
 * Ordinary messages get a label per barrier rather than one `none`: a linear model then
 * draws a boundary around each kind of everyday talk (cost, forgetting, family) instead of
 * one plane between a crisis and everything else, and holds fewer of them (2026-12-01, en-US
 * out-of-fold: 2.8 % of ordinary lines flagged as a crisis against 5.4 % with one `none`).
 * Every label but the four kinds means "no finding".
 */
const ORDINARY_LABELS = BARRIERS.filter((b) => b !== 'none').map((b) => `ordinary_${b}` as const);
export const MODEL_LABELS = ['none', ...SAFETY_KINDS, ...ORDINARY_LABELS] as const;
/** Columns of labels that are no finding: `none` and every ordinary label. */
export const isNoFinding = (column: number) => column === 0 || column > SAFETY_KINDS.length;
const PerKind = z.object({
  crisis: z.number(),
  adverse_event: z.number(),
  product_complaint: z.number(),
  medical_information: z.number(),
});
const KindFigures = z.object({
  positives: z.number().int(),
  recall: z.number(),
  precision: z.number(),
  ruleRecall: z.number(),
  /** Share of the corpus's hard negatives (no kind at all) flagged with this kind. */
  hardNegativeRate: z.number(),
  /** Share of the ordinary messages (barrier corpus) flagged with this kind. */
  ordinaryRate: z.number(),
});

export const SafetyModelFile = z.object({
  format: z.literal('nof1-safety-softmax'),
  locale: z.string(),
  featureVersion: z.number().int(),
  corpusSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The ordinary messages (the locale's barrier corpus) trained as `none`. */
  ordinarySha256: z.string().regex(/^[0-9a-f]{64}$/),
  languageSha256: z.string().regex(/^[0-9a-f]{64}$/),
  rulesSha256: z.string().regex(/^[0-9a-f]{64}$/),
  labels: z.array(z.enum(MODEL_LABELS)),
  features: FeatureWeights,
  training: TrainingRun.extend({
    hardNegatives: z.number().int(),
    ordinary: z.number().int(),
  }),
  /** Cross-validated recall each threshold was chosen to reach (rules and classifier together). */
  recallTargets: PerKind,
  thresholds: PerKind,
  temperature: z.number().positive(),
  /** Out-of-fold figures on the training corpus at those thresholds. */
  crossValidation: z.object({
    crisis: KindFigures,
    adverse_event: KindFigures,
    product_complaint: KindFigures,
    medical_information: KindFigures,
  }),
  bias: z.array(z.number()),
  rows: z.array(z.array(z.number())),
});
export type SafetyModelFile = z.infer<typeof SafetyModelFile>;
export type PerKind = z.infer<typeof PerKind>;

/** What triage classifies with: barrier's softmax over MODEL_LABELS, and a threshold per kind (SAFETY_KINDS order). */
export type SafetyModel = { softmax: SoftmaxModel; features: SafetyFeatureConfig; thresholds: number[] };

export function packSafetyWeights(model: SoftmaxModel): Pick<SafetyModelFile, 'temperature' | 'bias' | 'rows'> {
  return packWeights(model);
}

export function unpackSafetyModel(file: SafetyModelFile): SafetyModel {
  const classes = MODEL_LABELS.length;
  if (file.labels.join() !== MODEL_LABELS.join() || file.bias.length !== classes) {
    throw new Error(`safety model ${file.locale}: expected labels ${MODEL_LABELS.join(', ')}`);
  }
  return {
    softmax: unpackSoftmax(file, classes, `safety model ${file.locale}`),
    features: file.features,
    thresholds: SAFETY_KINDS.map((k) => file.thresholds[k]),
  };
}
