import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { complianceLocale, loadComplianceLocales } from '../../src/compliance/compliance-locales.js';
import { prohibitedClaimsRule } from '../../src/compliance/prohibited-claims-rule.js';
import { prohibitedTermsIn, prohibitedTermsWith } from '../../src/compliance/prohibited-terms.js';
import { context, messageOf, storedBlock } from './fixtures.js';

const es = (id: string, text: string) => storedBlock(id, text, { locale: 'es-US' });

describe('prohibited claims in Spanish', () => {
  it.each([
    ['Lumenzo cura la psoriasis.', 'cura'],
    ['Con este tratamiento se curará su piel.', 'cura'],
    ['Resultados GARANTIZADOS.', 'garantizado'],
    ['Le damos garantia de resultados.', 'garantizado'],
    ['Funciona el 100 % de las veces.', '100 %'],
    ['Funciona el 100% de las veces.', '100 %'],
    ['Es 100\u00a0por ciento eficaz.', '100 %'],
    ['Un milagro para su piel.', 'milagro'],
    ['Es un tratamiento sin efectos secundarios.', 'sin efectos secundarios'],
    ['Lumenzo no causa ningún efecto secundario.', 'sin efectos secundarios'],
    ['Un tratamiento sin riesgo.', 'sin riesgo'],
    ['La inyección es totalmente segura.', 'completamente seguro'],
    ['Es inofensivo.', 'inofensivo'],
    ['Es el tratamiento más seguro.', 'el más seguro o eficaz'],
    ['Es la opcion mas eficaz del mercado.', 'el más seguro o eficaz'],
    ['Es el mejor tratamiento para la psoriasis.', 'el mejor'],
    ['El biológico número uno.', 'número uno'],
    ['Funciona para todos.', 'funciona para todos'],
    ['Clínicamente comprobado para limpiar la piel.', 'comprobado'],
  ])('flags %j as %s', (text, label) => {
    expect(prohibitedTermsIn(text, 'es-US')).toContain(label);
  });

  it.each([
    'No hay cura para la psoriasis, pero el tratamiento puede ayudar.',
    'Los ahorros no están garantizados.',
    'La mejor manera de recordar es una alarma semanal.',
    'Lo mejor es hablar con su médico.',
    'Lo más seguro es que su farmacia tenga la receta.',
    'Su seguro puede cubrir parte del costo.',
    'Pregunte a su médico sobre los efectos secundarios.',
    'Estos no son todos los posibles efectos secundarios.',
    'Procure usar la pluma el mismo día cada semana.',
    'Se reportaron infecciones graves en el 0.9 % de los pacientes.',
  ])('does not flag %j', (text) => {
    expect(prohibitedTermsIn(text, 'es-US')).toEqual([]);
  });

  it('reads es-MX with the Spanish list, and has no list for an unknown language', () => {
    expect(prohibitedTermsIn('Es un milagro.', 'es-MX')).toEqual(['milagro']);
    expect(prohibitedTermsIn('Es un milagro.', 'xx-XX')).toBeUndefined();
  });

  it('checks a Spanish message with the Spanish list, naming the block', () => {
    const blocks = [es('ES-GREET', 'Hola de Lumenzo.'), es('ES-CURA', 'Lumenzo cura la psoriasis.')];
    const result = prohibitedClaimsRule.check(context({ locale: 'es-US', blocks, message: messageOf(blocks) }));
    expect(result).toMatchObject({ passed: false, fixable: true, blockIds: ['ES-CURA'] });
    expect(result.detail).toBe('the body uses prohibited claim language: cura (in ES-CURA)');
  });

  it('reads each block in its own language as well as the subject’s', () => {
    const blocks = [es('ES-GREET', 'Hola de Lumenzo.'), storedBlock('EN-BEST', 'The best treatment.')];
    const result = prohibitedClaimsRule.check(context({ locale: 'es-US', blocks, message: messageOf(blocks) }));
    expect(result).toMatchObject({ passed: false, blockIds: ['EN-BEST'] });
  });

  it('fails closed, unfixable, when a language in the message has no list', () => {
    const blocks = [storedBlock('PT', 'Olá do Lumenzo.', { locale: 'pt-BR' })];
    const result = prohibitedClaimsRule.check(context({ locale: 'pt-BR', blocks, message: messageOf(blocks) }));
    expect(result).toMatchObject({ passed: false, fixable: false });
    expect(result.detail).toContain('no prohibited-claims list for pt-BR');
  });

  it('takes a third locale from a data file alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nof1-locales-'));
    writeFileSync(
      join(dir, 'pt-BR.yaml'),
      [
        'locale: pt-BR',
        'readability: { formula: flesch-kincaid, layTarget: 8 }',
        "negation: '(?<![\\p{L}])(?:não|nunca|sem)(?:\\s+\\p{L}+){0,2}\\s+$'",
        'prohibitedClaims:',
        "  - { label: cura, pattern: 'cur(?:a|ar|ará)', negatable: true }",
        "  - { label: milagre, pattern: 'milagr(?:e|es|oso)', negatable: true }",
      ].join('\n'),
    );
    const pt = complianceLocale('pt-BR', loadComplianceLocales(dir))!;
    expect(prohibitedTermsWith(pt, 'Lumenzo cura a psoríase. Um milagre!')).toEqual(['cura', 'milagre']);
    expect(prohibitedTermsWith(pt, 'Não há cura para a psoríase.')).toEqual([]);
  });

  it('rejects a data file that names another locale', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nof1-locales-'));
    writeFileSync(
      join(dir, 'pt-BR.yaml'),
      "locale: pt-PT\nreadability: { formula: flesch-kincaid, layTarget: 8 }\nnegation: 'não'\nprohibitedClaims: [{ label: cura, pattern: cura, negatable: true }]\n",
    );
    expect(() => loadComplianceLocales(dir)).toThrow(/pt-BR.yaml names pt-PT/);
  });
});
