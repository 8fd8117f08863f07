import { describe, expect, it } from 'vitest';
import { spanishSyllables } from '../../src/compliance/spanish-syllables.js';

// Syllable counts as the RAE divides the words (diphthongs, hiatus, silent u, y as vowel or consonant).
const WORDS: Array<[string, number]> = [
  ['casa', 2],
  ['ciudad', 2], // diphthong of two weak vowels
  ['cuidado', 3],
  ['aire', 2],
  ['poeta', 3], // hiatus of two strong vowels
  ['leer', 2],
  ['aéreo', 4],
  ['día', 2], // an accented weak vowel breaks the diphthong
  ['reír', 2],
  ['país', 2],
  ['continúa', 4],
  ['hoy', 1], // y closing a diphthong
  ['muy', 1],
  ['buey', 1],
  ['Uruguay', 3],
  ['y', 1],
  ['yo', 1], // y before a vowel is a consonant
  ['ayer', 2],
  ['reyes', 2],
  ['quiero', 2], // silent u after q and g
  ['guerra', 2],
  ['guion', 1],
  ['pingüino', 3], // ü is sounded
  ['bilingüe', 3],
  ['prohibir', 3],
  ['psoriasis', 3],
  ['inyección', 3],
  ['medicamento', 5],
  ['farmacéutico', 5],
  ['teléfono', 4],
  ['enfermera', 4],
  ['secundarios', 4],
  ['ciudadanía', 5],
  ['Lumenzo', 3],
];

describe('spanishSyllables', () => {
  it.each(WORDS)('%s has %i syllables', (word, n) => {
    expect(spanishSyllables(word)).toBe(n);
  });

  it('reads accents however they were typed, and case makes no difference', () => {
    expect(spanishSyllables('di\u0301a')).toBe(2); // i + combining acute
    expect(spanishSyllables('DÍA')).toBe(2);
  });

  it('counts a word with no vowel as one syllable', () => {
    expect(spanishSyllables('sr')).toBe(1);
  });
});
