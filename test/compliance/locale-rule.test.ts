import { describe, expect, it } from 'vitest';
import { channelFitRule } from '../../src/compliance/channel-fit-rule.js';
import { fairBalanceRule } from '../../src/compliance/fair-balance-rule.js';
import { localeRule } from '../../src/compliance/locale-rule.js';
import { CTA, context, GREETING, ISI_LINK, messageOf, SUPPORT, storedBlock } from './fixtures.js';

const es = (id: string, text: string, extra: Parameters<typeof storedBlock>[2] = {}) =>
  storedBlock(id, text, { locale: 'es-US', ...extra });
const ES_GREETING = es('ES-GREET', 'Hola del Programa de Apoyo.', { kind: 'greeting' });
const ES_SUPPORT = es('ES-COST', 'Nuestra tarjeta de ahorro puede bajar lo que paga.');
const ES_CTA = es('ES-CTA', 'Llame al 1-800-555-0142 para hablar con una enfermera.', { kind: 'cta' });
const ES_CLAIM = es('ES-CLAIM', 'En estudios, unos 7 de cada 10 adultos tuvieron la piel limpia.', {
  kind: 'claim',
  requiresIsi: true,
});
const ES_ISI = es('ES-ISI', 'Información de seguridad: demo-support.example.com/isi-es.', { kind: 'isi' });
const spanish = (blocks = [ES_GREETING, ES_SUPPORT, ES_CTA]) =>
  context({ locale: 'es-US', blocks, message: messageOf(blocks), isiBlocks: [ES_ISI] });

describe('locale rule', () => {
  it('passes a message whose every block is in the subject’s locale', () => {
    expect(localeRule.check(spanish())).toMatchObject({
      rule: 'locale',
      passed: true,
      detail: 'all 3 blocks are in es-US',
    });
    expect(localeRule.check(context())).toMatchObject({ passed: true });
  });

  it.each([
    ['greeting', [GREETING, ES_SUPPORT, ES_CTA], ['GREET-SMS']],
    ['barrier block', [ES_GREETING, SUPPORT, ES_CTA], ['COST-SMS']],
    ['call to action', [ES_GREETING, ES_SUPPORT, CTA], ['CTA-SMS']],
    ['safety information', [ES_CLAIM, ISI_LINK], ['ISI-SMS']],
  ])('fails a Spanish message with an English %s, naming the block and its locale', (_what, blocks, ids) => {
    const result = localeRule.check(spanish(blocks));
    expect(result).toMatchObject({ passed: false, fixable: true, blockIds: ids });
    expect(result.detail).toBe(`${ids[0]} (en-US) is not in the subject's locale es-US`);
  });

  it('compares locales canonically', () => {
    const lower = es('ES-LOWER', 'Hola.', { locale: 'es-us' });
    expect(localeRule.check(spanish([lower]))).toMatchObject({ passed: true });
  });
});

describe('fair balance in the claim’s language', () => {
  it('passes a Spanish claim with the Spanish ISI', () => {
    expect(fairBalanceRule.check(spanish([ES_CLAIM, ES_ISI]))).toMatchObject({ passed: true });
  });

  it('does not count the English ISI for a Spanish claim; fixable while a Spanish one exists', () => {
    const result = fairBalanceRule.check(spanish([ES_CLAIM, ISI_LINK]));
    expect(result).toMatchObject({ passed: false, fixable: true, blockIds: ['ES-CLAIM'] });
    const none = fairBalanceRule.check({ ...spanish([ES_CLAIM, ISI_LINK]), isiBlocks: [ISI_LINK] });
    expect(none).toMatchObject({ passed: false, fixable: false });
  });
});

describe('channel length in any script', () => {
  it('counts an accented letter once, composed or not', () => {
    const composed = es('ES-LONG', `Recuerde su dosis: ${'día '.repeat(75)}`.trim());
    const decomposed = { ...composed, text: composed.text.normalize('NFD') };
    const lengths = [composed, decomposed].map((b) => {
      const result = channelFitRule.check(spanish([b]));
      return Number(/(\d+) of 320/.exec(result.detail)?.[1]);
    });
    expect(decomposed.text.length).toBeGreaterThan(composed.text.length);
    expect(lengths[0]).toBe([...composed.text].length);
    expect(lengths[1]).toBe(lengths[0]);
  });
});
