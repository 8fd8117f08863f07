import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where a locale's safety data lives and which locale reads a text. A locale is its files
 * in `agents/data/`: `safety-language.<locale>.json`, `safety-rules.<locale>.yaml`,
 * `safety-corpus.<locale>.jsonl` and the trained `safety-model.<locale>.json`. The barrier
 * corpus of the same locale (`barrier-corpus.<locale>.jsonl`), when there is one, is read too:
 * its lines are the ordinary messages triage must let through.
 */
export const SAFETY_DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));
const BASE_LOCALE = 'en-US';

export type LocaleFiles = { language: string; rules: string; corpus: string; ordinary: string; model: string };

export function localeFiles(locale: string, dir = SAFETY_DATA_DIR): LocaleFiles {
  return {
    language: join(dir, `safety-language.${locale}.json`),
    rules: join(dir, `safety-rules.${locale}.yaml`),
    corpus: join(dir, `safety-corpus.${locale}.jsonl`),
    ordinary: join(dir, `barrier-corpus.${locale}.jsonl`),
    model: join(dir, `safety-model.${locale}.json`),
  };
}

/** Locales with a language profile, rules, and a model or a corpus to train one from. */
export function availableLocales(dir = SAFETY_DATA_DIR): string[] {
  return readdirSync(dir)
    .flatMap((name) => /^safety-language\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.json$/.exec(name)?.[1] ?? [])
    .filter((locale) => {
      const files = localeFiles(locale, dir);
      return existsSync(files.rules) && (existsSync(files.model) || existsSync(files.corpus));
    })
    .sort();
}

/**
 * The requested locale if it has data (case-insensitive: "en-us"), else another region of
 * its language (es-MX → es-US, the US region first), else en-US; `fallback` says it was not the one asked for.
 */
export function resolveLocale(requested: string, available: readonly string[]): { locale: string; fallback: boolean } {
  const wanted = requested.trim().replace(/_/g, '-').toLowerCase();
  const exact = available.find((l) => l.toLowerCase() === wanted);
  if (exact) return { locale: exact, fallback: false };
  const language = wanted.split('-')[0];
  const sameLanguage = available
    .filter((l) => l.toLowerCase().split('-')[0] === language)
    .sort((a, b) => Number(!a.endsWith('-US')) - Number(!b.endsWith('-US')) || a.localeCompare(b));
  if (sameLanguage[0]) return { locale: sameLanguage[0], fallback: true };
  return { locale: BASE_LOCALE, fallback: true };
}
