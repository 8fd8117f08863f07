import { readFileSync } from 'node:fs';
import type { LanguageProfile } from '../language/language-profile.js';
import { DEFAULT_LOCALE, loadProfile } from '../language/profile-files.js';
import { corpusLocales, corpusPath, corpusSha256, modelPath } from './barrier-corpus.js';
import { type BarrierModel, BarrierModelFile, readModelFile, unpackModel } from './model-file.js';
import { featureFingerprint } from './text-features.js';
import { trainBarrierModel } from './train-model.js';

export type LoadedBarrierModel = { model: BarrierModel; source: 'file' | 'retrained'; reason?: string };
export type ModelPaths = { locale?: string; model?: string; corpus?: string; profile?: LanguageProfile };

/**
 * Loads a locale's committed model, or retrains in memory (a few seconds) when it is missing,
 * unreadable, built from another corpus, another profile or by other feature code — so the
 * engine never classifies with weights that disagree with the corpus in the repository.
 */
export function loadBarrierModel(paths: ModelPaths = {}): LoadedBarrierModel {
  const locale = paths.locale ?? DEFAULT_LOCALE;
  const profile = paths.profile ?? loadProfile(locale);
  const corpusText = readFileSync(paths.corpus ?? corpusPath(locale), 'utf8');
  const stale = whyStale(paths.model ?? modelPath(locale), corpusSha256(corpusText), profile);
  if (typeof stale !== 'string') return { model: unpackModel(stale, profile), source: 'file' };
  return { model: unpackModel(trainBarrierModel(corpusText, profile), profile), source: 'retrained', reason: stale };
}

/** Every locale's model, by locale. */
export function loadBarrierModels(locales: string[] = corpusLocales()): Map<string, BarrierModel> {
  return new Map(locales.map((locale) => [locale, loadBarrierModel({ locale }).model]));
}

/** The model file if it is current, or the reason it cannot be used. */
function whyStale(path: string, corpusHash: string, profile: LanguageProfile): BarrierModelFile | string {
  const file = readModelFile(path, BarrierModelFile);
  if (typeof file === 'string') return file;
  if (file.locale !== profile.locale) return `model file is for ${file.locale}, not ${profile.locale}`;
  if (file.corpusSha256 !== corpusHash) return 'corpus changed since the model was trained';
  if (file.featureFingerprint !== featureFingerprint(profile))
    return 'feature extraction or language profile changed since the model was trained';
  return file;
}
