import { DEFAULT_LOCALE } from './profile-files.js';

/**
 * The locale to read a subject's text with, among those available: the exact locale, else a
 * locale of the same language (es-MX → es-US: a Mexican Spanish speaker is better read by a
 * US Spanish model than an English one), else the default (en-US). Case-insensitive, as BCP 47 is.
 */
export function resolveLocale(requested: string | undefined, available: readonly string[]): string {
  const fallback = available.includes(DEFAULT_LOCALE) ? DEFAULT_LOCALE : available[0];
  if (fallback === undefined) throw new Error('no locale is available');
  if (!requested) return fallback;
  const wanted = requested.toLowerCase();
  const exact = available.find((l) => l.toLowerCase() === wanted);
  if (exact) return exact;
  const language = wanted.split(/[-_]/)[0];
  return available.find((l) => l.toLowerCase().split('-')[0] === language) ?? fallback;
}

/** The language subtag of a locale: "es-MX" → "es". */
export function languageOf(locale: string): string {
  return locale.toLowerCase().split(/[-_]/)[0]!;
}
