import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileProfile, type LanguageProfile } from './language-profile.js';
import { LanguageProfileFile } from './profile-schema.js';

/** Where the language profiles live: one `<locale>.json` per locale. */
export const LANG_DIR = fileURLToPath(new URL('../data/lang/', import.meta.url));
/** The contract's default locale, and the last step of every fallback. */
export const DEFAULT_LOCALE = 'en-US';

const cache = new Map<string, LanguageProfile>();

/** The locales that have a profile, sorted. */
export function profileLocales(dir = LANG_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => /^[a-z]{2,3}-[A-Z]{2}\.json$/.test(name))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}

/** The compiled profile of a locale that has one (read once per process). */
export function loadProfile(locale: string, dir = LANG_DIR): LanguageProfile {
  const key = join(dir, `${locale}.json`);
  let profile = cache.get(key);
  if (!profile) {
    const parsed = LanguageProfileFile.safeParse(JSON.parse(readFileSync(key, 'utf8')));
    if (!parsed.success) throw new Error(`language profile ${locale}: ${parsed.error.issues[0]?.message}`);
    if (parsed.data.locale !== locale) throw new Error(`language profile ${locale} names ${parsed.data.locale}`);
    profile = compileProfile(parsed.data);
    cache.set(key, profile);
  }
  return profile;
}
