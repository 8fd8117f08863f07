import { describe, expect, it } from 'vitest';
import { loadLocaleModels } from '../../../agents/barrier/locale-models.js';
import { detectionWords, trainLanguageIdentifier } from '../../../agents/language/detect-language.js';

/** The identifier the engine uses: trained on the English and Spanish barrier corpora. */
const { identifier } = loadLocaleModels(['en-US', 'es-US']);
const detect = (text: string, expected: string) => identifier.detect(text, expected);

describe('language detection on the corpora of the locales', () => {
  it('knows the languages that have a corpus', () => {
    expect(identifier.languages).toEqual(['en', 'es']);
  });

  it.each([
    ['se me olvidó tomarla otra vez', 'es'],
    ['se me olvido tomarla otra vez', 'es'],
    ['la farmacia no la tenía', 'es'],
    ['I keep forgetting to take it in the morning', 'en'],
    ['the pharmacy was out of stock', 'en'],
  ])('reads %j as %s whatever the subject locale', (text, language) => {
    for (const expected of ['en', 'es']) {
      const guess = detect(text, expected);
      expect(guess.language).toBe(language);
      expect(guess.confidence).toBeGreaterThan(0.9);
      expect(guess.differs).toBe(language !== expected);
    }
  });

  it('reads mostly Spanish with English words (code-switching) as Spanish', () => {
    for (const text of [
      'no tengo el copay este mes',
      'se me olvidó el refill',
      'mi insurance no la cubre',
      'el pharmacy dice que está on backorder',
    ]) {
      expect(detect(text, 'en')).toMatchObject({ language: 'es', differs: true });
    }
  });

  it('reads misspelt, unaccented and shorthand Spanish as Spanish', () => {
    for (const text of [
      'nesesito ayuda ke no tengo aseguranza',
      'kiero saber si ay descuento',
      'xq no me la surten',
      'todo vien grasias',
    ]) {
      expect(detect(text, 'en').language).toBe('es');
    }
  });

  it('keeps the subject language for a word both languages use or a name no corpus has seen', () => {
    for (const text of ['ok', 'no', 'Lumenzo', '👍', '']) {
      expect(detect(text, 'en')).toMatchObject({ language: 'en', differs: false });
      expect(detect(text, 'es')).toMatchObject({ language: 'es', differs: false });
    }
  });

  it('lets a short but unmistakable reply say its language', () => {
    expect(detect('gracias', 'en')).toMatchObject({ language: 'es', differs: true });
    expect(detect('thanks, all good', 'es')).toMatchObject({ language: 'en', differs: true });
  });
});

describe('trainLanguageIdentifier', () => {
  const toy = trainLanguageIdentifier([
    { language: 'xx', texts: ['blip blop blup', 'blop blop'] },
    { language: 'yy', texts: ['zing zang zong', 'zang zing'] },
  ]);

  it('learns from the samples it is given, so a new locale is a corpus, not code', () => {
    expect(toy.languages).toEqual(['xx', 'yy']);
    expect(toy.detect('blop blip blup blop', 'yy')).toMatchObject({ language: 'xx', differs: true });
    expect(toy.detect('zang zong zing', 'xx')).toMatchObject({ language: 'yy', differs: true });
  });

  it('falls back on character trigrams for words no sample had', () => {
    expect(toy.detect('blipblop blupblip', 'yy').language).toBe('xx');
  });

  it('folds accents and case before counting', () => {
    expect(detectionWords('Olvidé la MEDICINA, ¿sí?')).toEqual(['olvide', 'la', 'medicina', 'si']);
  });
});
