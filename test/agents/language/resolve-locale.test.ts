import { describe, expect, it } from 'vitest';
import { LANG_DIR, loadProfile, profileLocales } from '../../../agents/language/profile-files.js';
import { languageOf, resolveLocale } from '../../../agents/language/resolve-locale.js';

const available = ['en-US', 'es-US'];

describe('resolveLocale', () => {
  it('uses the exact locale when there is one, ignoring case', () => {
    expect(resolveLocale('es-US', available)).toBe('es-US');
    expect(resolveLocale('es-us', available)).toBe('es-US');
  });

  it('falls back to a locale of the same language, then to en-US', () => {
    expect(resolveLocale('es-MX', available)).toBe('es-US');
    expect(resolveLocale('es', available)).toBe('es-US');
    expect(resolveLocale('fr-FR', available)).toBe('en-US');
    expect(resolveLocale(undefined, available)).toBe('en-US');
  });

  it('names the language of a locale', () => {
    expect(languageOf('es-MX')).toBe('es');
    expect(languageOf('en')).toBe('en');
  });
});

describe('language profiles', () => {
  it('has English and US Spanish', () => {
    expect(profileLocales()).toEqual(expect.arrayContaining(['en-US', 'es-US']));
  });

  it.each(profileLocales())('%s parses, names its own locale and stems with a stemmer that exists', (locale) => {
    const profile = loadProfile(locale);
    expect(profile.locale).toBe(locale);
    expect(profile.stem('medicinas')).toMatch(/^medicin/);
    expect(profile.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(profile.cues.size).toBeGreaterThan(300);
  });

  it('lives in the data folder', () => {
    expect(LANG_DIR).toMatch(/agents\/data\/lang\/$/);
  });
});
