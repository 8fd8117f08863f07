import { describe, expect, it } from 'vitest';
import { findPii } from '../../src/privacy/find-pii.js';
import { createRedactor } from '../../src/privacy/redact.js';

const redact = (text: string) => createRedactor({ allow: ['Lumenzo'] }).text(text);
const found = (text: string) => findPii(text, {}).map((s) => `${s.type}:${text.slice(s.start, s.end)}`);

// Spanish free text as patients type it: each value must be gone after redaction, each kept word stay.
const CASES: Array<{ text: string; pii: string[]; keep: string[] }> = [
  { text: 'Hola, habla Guadalupe Ramírez. Me subieron el copago.', pii: ['Guadalupe', 'Ramírez'], keep: ['copago'] },
  { text: 'me llamo rosa elena paredes y se me olvida la inyeccion', pii: ['rosa elena paredes'], keep: ['olvida'] },
  { text: 'Mi nombre es Héctor Núñez, no puedo pagar', pii: ['Héctor', 'Núñez'], keep: ['pagar'] },
  {
    text: 'Soy Marisol, la hija de Carmen Villalobos. A mi mamá se le olvidan las inyecciones.',
    pii: ['Marisol', 'Carmen', 'Villalobos'],
    keep: ['mamá', 'inyecciones'],
  },
  { text: 'Soy María de la Cruz y no tengo seguro', pii: ['María de la Cruz'], keep: ['seguro'] },
  { text: 'mi esposo Luis dice que la medicina es mala', pii: ['Luis'], keep: ['medicina'] },
  { text: 'nací el 14 de marzo de 1962 y no me alcanza', pii: ['14 de marzo de 1962'], keep: ['alcanza'] },
  { text: 'mi cumpleaños es el 3 de mayo', pii: ['3 de mayo'], keep: ['cumpleaños'] },
  { text: 'fecha de nacimiento: 14/03/1962', pii: ['14/03/1962'], keep: ['fecha'] },
  { text: 'le habla la Sra. Beatriz Olmedo', pii: ['Beatriz', 'Olmedo'], keep: ['habla'] },
];

describe('personal data in Spanish free text', () => {
  it.each(CASES.map((c) => [c.text, c] as const))('%s', (_, c) => {
    const out = redact(c.text);
    for (const pii of c.pii) expect(out, `"${pii}" should be gone`).not.toContain(pii);
    for (const keep of c.keep) expect(out, `"${keep}" should survive`).toContain(keep);
  });

  it.each([
    'Soy diabética y no me alcanza para la insulina',
    'la cita es el 3 de mayo en la clínica',
    'Mi mamá dice que Lumenzo es caro',
    'no me alcanza el dinero este mes',
  ])('leaves ordinary Spanish alone: %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('reads accented names whole in English text too, and English names are not cut by Spanish words', () => {
    expect(found('thanks, José Núñez')).toEqual(['NAME:José Núñez']);
    expect(found('I am Chloé Dubois')).toEqual(['NAME:Chloé Dubois']);
    expect(found('this is Ella Johnson, my copay is too high')).toEqual(['NAME:Ella Johnson']);
  });
});
