import { describe, expect, it } from 'vitest';
import { extractFeatures, featureStrings } from '../../../agents/barrier/text-features.js';
import { CONCESSION_WEIGHT, tokenise } from '../../../agents/barrier/tokenise.js';
import { loadProfile } from '../../../agents/language/profile-files.js';

const es = loadProfile('es-US');
const words = (text: string) => tokenise(text, es).map((t) => t.word);
const marked = (text: string) => tokenise(text, es).map((t) => (t.negated ? `NOT_${t.word}` : t.word));

describe('tokenise with the es-US profile: normalisation', () => {
  it('folds accents and case, so "olvidó" and "olvido" are one word', () => {
    expect(words('Se me OLVIDÓ')).toEqual(words('se me olvido'));
    expect(words('¿Cuánto cuesta?')).toEqual(['cuanto', 'cuesta']);
  });

  it('expands SMS shorthand and common misspellings', () => {
    expect(words('xq no tengo tmb')).toEqual(['porque', 'no', 'tengo', 'tambien']);
    expect(words('ke q k')).toEqual(['que', 'que', 'que']);
    expect(words('nesesito pa la medicina')).toEqual(['necesito', 'para', 'la', 'medicina']);
  });

  it('maps code-switched loanwords onto their Spanish word', () => {
    expect(words('no tengo el copay')).toEqual(words('no tengo el copago'));
    expect(words('mi aseguranza')).toEqual(words('mi insurance'));
  });

  it('joins words of one stem across inflections', () => {
    const stems = (text: string) => tokenise(text, es).map((t) => t.stem);
    expect(stems('olvidé olvidando olvidar')).toEqual(['olvid', 'olvid', 'olvid']);
  });
});

describe('tokenise with the es-US profile: negation and contrast', () => {
  it('reads inability ("no puedo pagar", "no me alcanza") as one word, not a negation', () => {
    const tokens = tokenise('no puedo pagar, no me alcanza', es);
    expect(tokens.map((t) => t.word)).toEqual(['nopuedo', 'pagar', 'noalcanza']);
    expect(tokens.some((t) => t.negated)).toBe(false);
  });

  it('marks the words a "no" governs up to the end of the clause', () => {
    expect(marked('no tengo seguro, se me olvido')).toEqual(['no', 'NOT_tengo', 'NOT_seguro', 'se', 'me', 'olvido']);
  });

  it('denies the subject of "no es el problema" and "está bien"', () => {
    expect(marked('el dinero no es el problema')).toEqual(
      expect.arrayContaining(['NOT_el', 'NOT_dinero', 'NOT_es', 'NOT_problema']),
    );
    expect(marked('el precio está bien')).toEqual(['NOT_el', 'NOT_precio', 'esta', 'bien']);
    const cues = [...featureStrings(tokenise('el dinero no es el problema', es), es).cue.keys()];
    expect(cues).toContain('NOT_money');
    expect(cues).not.toContain('money');
  });

  it('weighs what "pero" or "el problema real" concedes less than the point', () => {
    const but = tokenise('es caro pero mi esposo no quiere', es);
    expect(but.find((t) => t.word === 'caro')?.weight).toBe(CONCESSION_WEIGHT);
    expect(but.find((t) => t.word === 'esposo')?.weight).toBe(1);
    const focus = tokenise('es un poco caro, el problema real es mi esposo', es);
    expect(focus.find((t) => t.word === 'caro')?.weight).toBe(CONCESSION_WEIGHT);
    expect(focus.find((t) => t.word === 'esposo')?.weight).toBe(1);
    const although = tokenise('aunque es caro, se me olvida', es);
    expect(although.find((t) => t.word === 'caro')?.weight).toBe(CONCESSION_WEIGHT);
    expect(although.find((t) => t.word === 'olvida')?.weight).toBe(1);
  });
});

describe('features per profile', () => {
  it('gives the same words different features under different profiles', () => {
    expect(extractFeatures('no puedo pagar', undefined, es)).not.toEqual(extractFeatures('no puedo pagar'));
  });

  it('gives the Spanish lexicon cues to Spanish words', () => {
    const cues = (text: string) => [...featureStrings(tokenise(text, es), es).cue.keys()];
    expect(cues('el copago esta carisimo')).toContain('money');
    expect(cues('me da miedo los efectos secundarios')).toContain('harm');
    expect(cues('se me olvido')).toContain('memory');
  });
});
