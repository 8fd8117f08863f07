import { existsSync, readFileSync } from 'node:fs';
import { readModelFile } from '../barrier/model-file.js';
import { type LanguageProfile, readLanguageProfile, sha256 } from './language-profile.js';
import { localeFiles, SAFETY_DATA_DIR } from './locale-files.js';
import { SAFETY_FEATURE_VERSION } from './safety-features.js';
import { type SafetyModel, SafetyModelFile, unpackSafetyModel } from './safety-model-file.js';
import { type RuleSet, readSafetyRules } from './safety-rules.js';
import { type LocaleSources, trainSafetyModel } from './train-safety-model.js';

/** Everything triage needs to read one locale's text. */
export type SafetyLocale = {
  locale: string;
  profile: LanguageProfile;
  rules: RuleSet;
  model: SafetyModel;
  source: 'file' | 'retrained';
  reason?: string;
};

export function readLocaleSources(locale: string, dir = SAFETY_DATA_DIR): LocaleSources {
  const files = localeFiles(locale, dir);
  const corpusText = readFileSync(files.corpus, 'utf8');
  const ordinaryText = readOrdinary(files.ordinary);
  return {
    locale,
    corpusText,
    corpusSha256: sha256(corpusText),
    ordinaryText,
    ordinarySha256: sha256(ordinaryText),
    profile: readLanguageProfile(files.language),
    rules: readSafetyRules(files.rules),
  };
}

/**
 * The committed model when it matches the locale's corpus, language profile, rules and
 * feature code; otherwise a model retrained in memory from the corpus (seconds), so triage
 * never classifies with weights that disagree with the data in the repository.
 */
export function loadSafetyLocale(locale: string, dir = SAFETY_DATA_DIR): SafetyLocale {
  const files = localeFiles(locale, dir);
  const profile = readLanguageProfile(files.language);
  const rules = readSafetyRules(files.rules);
  const corpusHash = existsSync(files.corpus) ? sha256(readFileSync(files.corpus, 'utf8')) : null;
  const ordinaryHash = corpusHash === null ? null : sha256(readOrdinary(files.ordinary));
  const current = currentModel(files.model, {
    corpus: corpusHash,
    ordinary: ordinaryHash,
    language: profile.sha256,
    rules: rules.sha256,
  });
  if (typeof current !== 'string') return { locale, profile, rules, model: unpackSafetyModel(current), source: 'file' };
  if (corpusHash === null) throw new Error(`safety ${locale}: ${current}, and there is no corpus to train from`);
  const model = unpackSafetyModel(trainSafetyModel(readLocaleSources(locale, dir)));
  return { locale, profile, rules, model, source: 'retrained', reason: current };
}

type Hashes = { corpus: string | null; ordinary: string | null; language: string; rules: string };

/** The ordinary messages' file, or none: a locale without a barrier corpus trains on its safety corpus alone. */
const readOrdinary = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : '');

/** The model file if it is current, or why it cannot be used. */
function currentModel(path: string, hashes: Hashes): SafetyModelFile | string {
  const file = readModelFile(path, SafetyModelFile);
  if (typeof file === 'string') return file;
  if (hashes.corpus !== null && file.corpusSha256 !== hashes.corpus)
    return 'corpus changed since the model was trained';
  if (hashes.ordinary !== null && file.ordinarySha256 !== hashes.ordinary)
    return 'ordinary messages changed since the model was trained';
  if (file.languageSha256 !== hashes.language) return 'language profile changed since the model was trained';
  if (file.rulesSha256 !== hashes.rules) return 'rules changed since the model was trained';
  if (file.featureVersion !== SAFETY_FEATURE_VERSION) return 'feature extraction changed since the model was trained';
  return file;
}
