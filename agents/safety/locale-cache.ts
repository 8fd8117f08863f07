import { loadSafetyLocale, type SafetyLocale } from './load-safety-locale.js';
import { availableLocales, resolveLocale, SAFETY_DATA_DIR } from './locale-files.js';

/** Locale data loaded at most once per process and folder: a model file is read and unpacked on first use. */
export type LocaleCache = { get(requested: string): { data: SafetyLocale; fallback: boolean } };

export function createLocaleCache(dir = SAFETY_DATA_DIR): LocaleCache {
  const available = availableLocales(dir);
  const loaded = new Map<string, SafetyLocale>();
  return {
    get(requested) {
      const { locale, fallback } = resolveLocale(requested, available);
      let data = loaded.get(locale);
      if (!data) {
        data = loadSafetyLocale(locale, dir);
        loaded.set(locale, data);
      }
      return { data, fallback };
    },
  };
}

let shared: LocaleCache | undefined;
/** The repository's own data folder, shared by `triageText` and engines built without a folder. */
export function defaultLocales(): LocaleCache {
  shared ??= createLocaleCache();
  return shared;
}
