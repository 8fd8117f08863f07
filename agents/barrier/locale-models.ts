import { readFileSync } from 'node:fs';
import { type LanguageIdentifier, trainLanguageIdentifier } from '../language/detect-language.js';
import { languageOf, resolveLocale } from '../language/resolve-locale.js';
import { corpusLocales, corpusPath, parseCorpus } from './barrier-corpus.js';
import { loadBarrierModels } from './load-model.js';
import type { BarrierModel } from './model-file.js';
import { classifyText } from './text-evidence.js';
import type { TextReader, TextReading } from './text-reader.js';

/** Every locale's barrier model, and a language identifier trained on the same corpora. */
export type LocaleModels = { models: ReadonlyMap<string, BarrierModel>; identifier: LanguageIdentifier };

export function loadLocaleModels(locales: string[] = corpusLocales()): LocaleModels {
  const models = loadBarrierModels(locales);
  const samples = locales.map((locale) => ({
    language: models.get(locale)!.profile.language,
    texts: parseCorpus(readFileSync(corpusPath(locale), 'utf8')).map((l) => l.text),
  }));
  return { models, identifier: trainLanguageIdentifier(samples) };
}

/** One model for every text, whatever its language (a single-locale deployment, or a test). */
export function singleModelReader(model: BarrierModel): TextReader {
  return (text) => ({ probs: classifyText(model, text), locale: model.locale });
}

/**
 * Reads each text with the model of the subject's locale (es-MX → es-US → en-US), unless the
 * text is detectably in another language the service has a model for: then with that model,
 * and the reading says so.
 */
export function localeReader(set: LocaleModels, subjectLocale: string | undefined): TextReader {
  const available = [...set.models.keys()].sort();
  const home = resolveLocale(subjectLocale, available);
  const homeLanguage = set.models.get(home)!.profile.language;
  return (text) => {
    const guess = set.identifier.detect(text, homeLanguage);
    const locale = guess.differs ? resolveLocale(guess.language, available) : home;
    const model = set.models.get(locale)!;
    const reading: TextReading = { probs: classifyText(model, text), locale };
    // Only our own locale codes are named: the client's locale string is never echoed.
    if (guess.differs) {
      reading.languageFinding =
        `text language ${guess.language} differs from subject locale ${home} ` +
        `(p=${guess.confidence.toFixed(2)}); read with the ${locale} model`;
    }
    return reading;
  };
}

/** Why a subject's text is read with a model of another language, or nothing when it is not. */
export function localeFallbackNote(set: LocaleModels, subjectLocale: string | undefined): string | undefined {
  if (!subjectLocale) return undefined;
  const home = resolveLocale(subjectLocale, [...set.models.keys()]);
  if (languageOf(home) === languageOf(subjectLocale)) return undefined;
  return `no barrier model in the subject's language; text read with the ${home} model`;
}
