import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { availableLocales, resolveLocale } from '../../../agents/safety/locale-files.js';
import { tempDir } from '../../support/temp-dir.js';

describe('resolveLocale', () => {
  const available = ['en-US', 'es-MX', 'es-US'];

  it('takes the requested locale, whatever its case or separator', () => {
    expect(resolveLocale('en-US', available)).toEqual({ locale: 'en-US', fallback: false });
    expect(resolveLocale('es_mx', available)).toEqual({ locale: 'es-MX', fallback: false });
  });

  it('falls back to another region of the same language, the US one first', () => {
    expect(resolveLocale('es-AR', available)).toEqual({ locale: 'es-US', fallback: true });
    expect(resolveLocale('es', ['en-US', 'es-ES', 'es-US'])).toEqual({ locale: 'es-US', fallback: true });
    expect(resolveLocale('es-AR', ['en-US', 'es-ES'])).toEqual({ locale: 'es-ES', fallback: true });
  });

  it('falls back to en-US when the language has no data', () => {
    expect(resolveLocale('fr-CA', available)).toEqual({ locale: 'en-US', fallback: true });
    expect(resolveLocale('es-MX', ['en-US'])).toEqual({ locale: 'en-US', fallback: true });
  });
});

describe('availableLocales', () => {
  it('lists locales that have a language profile, rules, and a model or a corpus', async () => {
    const dir = await tempDir();
    for (const name of [
      'safety-language.en-US.json',
      'safety-rules.en-US.yaml',
      'safety-model.en-US.json',
      'safety-language.es-US.json',
      'safety-rules.es-US.yaml',
      'safety-corpus.es-US.jsonl',
      'safety-language.pt-BR.json',
    ]) {
      writeFileSync(join(dir, name), '');
    }
    expect(availableLocales(dir)).toEqual(['en-US', 'es-US']);
  });
});
