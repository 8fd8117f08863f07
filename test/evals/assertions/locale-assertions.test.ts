import { describe, expect, it } from 'vitest';
import type { BlockInfo, CaseOutcome } from '../../../evals/assertions/assertion-types.js';
import { fairBalance } from '../../../evals/assertions/fair-balance.js';
import { readabilityTarget } from '../../../evals/assertions/readability-target.js';
import { singleLocale } from '../../../evals/assertions/single-locale.js';
import { fernandezHuerta } from '../../../src/compliance/readability.js';
import { composeAnswer, judge, outcome } from '../fixtures/compose-answer.js';

const LIBRARY: BlockInfo[] = [
  { id: 'ES-GREET', kind: 'greeting', requiresIsi: false, locale: 'es-US', text: 'Hola de Apoyo Lumenzo.' },
  { id: 'ES-COST', kind: 'support', requiresIsi: false, locale: 'es-US', text: 'Le podemos ayudar a pagar menos.' },
  { id: 'ES-CLAIM', kind: 'claim', requiresIsi: true, locale: 'es-US', text: 'En estudios, 7 de cada 10 mejoraron.' },
  {
    id: 'ES-ISI',
    kind: 'isi',
    requiresIsi: false,
    locale: 'es-US',
    text: 'Información de seguridad: ejemplo.com/es/isi.',
  },
  { id: 'EN-CTA', kind: 'cta', requiresIsi: false, locale: 'en-US', text: 'Call us to talk with a nurse.' },
  { id: 'EN-ISI', kind: 'isi', requiresIsi: false, locale: 'en-US', text: 'Important Safety Info: example.com/isi.' },
];
const blockInfo = async (ids: string[]) => LIBRARY.filter((b) => ids.includes(b.id));
const spanishCase = (ids: string[], body?: string): CaseOutcome => {
  const answer = composeAnswer(ids);
  if (body !== undefined) answer.message!.body = body;
  const o = outcome(answer);
  return { ...o, case: { ...o.case, request: { subject: { id: 's', locale: 'es-us' } } } };
};

describe('single_locale', () => {
  it('passes a Spanish message of Spanish blocks, judged against the locale the case asked for', async () => {
    expect(await judge(singleLocale, spanishCase(['ES-GREET', 'ES-COST']), {}, { blockInfo })).toMatchObject({
      pass: true,
      reason: 'all 2 blocks are in es-US',
    });
  });

  it('fails an English block in a Spanish message, naming it and its locale', async () => {
    const result = await judge(singleLocale, spanishCase(['ES-GREET', 'ES-COST', 'EN-CTA']), {}, { blockInfo });
    expect(result).toMatchObject({ pass: false, reason: 'EN-CTA (en-US) not in es-US' });
    expect(result.score).toBeCloseTo(2 / 3, 5);
  });

  it('reads a case without a locale as en-US, and cannot judge without the library', async () => {
    const english = outcome(composeAnswer(['EN-CTA']));
    expect((await judge(singleLocale, english, {}, { blockInfo })).pass).toBe(true);
    expect((await judge(singleLocale, english, { value: 'es-US' }, { blockInfo })).pass).toBe(false);
    expect((await judge(singleLocale, english)).reason).toMatch(/cannot judge/);
  });
});

describe('fair_balance across languages', () => {
  it('does not count the English ISI for a Spanish claim', async () => {
    expect((await judge(fairBalance, spanishCase(['ES-CLAIM', 'EN-ISI']), {}, { blockInfo })).pass).toBe(false);
    expect((await judge(fairBalance, spanishCase(['ES-CLAIM', 'ES-ISI']), {}, { blockInfo })).pass).toBe(true);
  });
});

describe('readability_target', () => {
  it('measures a Spanish body with Fernández Huerta against 60 (a floor)', async () => {
    const plain = 'Llame hoy. Una enfermera le puede ayudar.';
    const result = await judge(readabilityTarget, spanishCase(['ES-COST'], plain));
    expect(result).toMatchObject({ pass: true });
    expect(result.reason).toBe(`fernandez-huerta ${Math.round(fernandezHuerta(plain) * 10) / 10} (min 60)`);
    const dense =
      'La administración concomitante de inmunosupresores incrementa considerablemente la probabilidad de infecciones oportunistas.';
    expect((await judge(readabilityTarget, spanishCase(['ES-COST'], dense))).pass).toBe(false);
  });

  it('measures an English body with Flesch–Kincaid against 8 (a ceiling), and takes a target on that scale', async () => {
    const answer = composeAnswer(['EN-CTA']);
    answer.message!.body = 'Call us to talk with a nurse.';
    const o = outcome(answer);
    expect(await judge(readabilityTarget, o)).toMatchObject({
      pass: true,
      reason: expect.stringMatching(/^flesch-kincaid .* \(max 8\)$/),
    });
    expect((await judge(readabilityTarget, o, { value: -5 })).pass).toBe(false);
  });
});
