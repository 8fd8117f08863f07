import { BARRIERS } from '../../src/domain/block.js';
import type { LanguageProfile } from '../language/language-profile.js';
import { DEFAULT_LOCALE, loadProfile } from '../language/profile-files.js';
import { corpusSha256, parseCorpus } from './barrier-corpus.js';
import { crossValidate, fitTemperature, meanNll } from './calibration.js';
import { type BarrierModelFile, packWeights } from './model-file.js';
import { DEFAULT_TRAIN, type Example, type TrainOptions, trainSoftmax } from './text-classifier.js';
import { DEFAULT_FEATURES, extractFeatures, type FeatureConfig, featureFingerprint } from './text-features.js';

export type TrainSettings = { features: FeatureConfig; train: TrainOptions; folds: number };
const DEFAULT_SETTINGS: TrainSettings = { features: DEFAULT_FEATURES, train: DEFAULT_TRAIN, folds: 5 };

/**
 * Corpus text → model file, tokenised with the locale's profile. The temperature comes from k-fold
 * cross-validation on the corpus (out-of-fold logits), then the final weights are trained on all of it.
 */
export function trainBarrierModel(
  corpusText: string,
  profile: LanguageProfile = loadProfile(DEFAULT_LOCALE),
  settings: TrainSettings = DEFAULT_SETTINGS,
): BarrierModelFile {
  const lines = parseCorpus(corpusText);
  const labels = [...BARRIERS];
  const examples: Example[] = lines.map((l) => ({
    x: extractFeatures(l.text, settings.features, profile),
    y: labels.indexOf(l.barrier),
  }));
  const { dim } = settings.features;
  const cv = crossValidate(examples, dim, labels.length, settings.folds, settings.train);
  const temperature = fitTemperature(cv.logits, cv.labels);
  const model = trainSoftmax(examples, dim, labels.length, settings.train);
  model.temperature = temperature;
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  return {
    format: 'nof1-barrier-softmax',
    locale: profile.locale,
    featureFingerprint: featureFingerprint(profile),
    corpusSha256: corpusSha256(corpusText),
    labels,
    features: settings.features,
    training: {
      ...settings.train,
      folds: settings.folds,
      examples: examples.length,
      cvAccuracy: round(cv.accuracy),
      cvNllBefore: round(meanNll(cv.logits, cv.labels, 1)),
      cvNllAfter: round(meanNll(cv.logits, cv.labels, temperature)),
    },
    ...packWeights(model),
  };
}
