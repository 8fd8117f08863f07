import { describe, expect, it } from 'vitest';
import { prohibitedClaimsRule } from '../../src/compliance/prohibited-claims-rule.js';
import { prohibitedTermsIn } from '../../src/compliance/prohibited-terms.js';
import { CTA, context, GREETING, storedBlock } from './fixtures.js';

describe('prohibited_claims rule', () => {
  it('passes on ordinary approved content', () => {
    expect(prohibitedClaimsRule.check(context())).toMatchObject({ rule: 'prohibited_claims', passed: true });
  });

  it('fails on a block that promises a cure, naming the block and the term', () => {
    const cure = storedBlock('CURE', 'Lumenzo cures psoriasis for good.');
    const result = prohibitedClaimsRule.check(context({ blocks: [GREETING, cure, CTA] }));
    expect(result).toMatchObject({ passed: false, fixable: true, blockIds: ['CURE'] });
    expect(result.detail).toBe('the body uses prohibited claim language: cure (in CURE)');
  });

  it.each([
    ['Results are GUARANTEED.', 'guarantee'],
    ['It works 100% of the time.', '100%'],
    ['A miracle for your skin.', 'miracle'],
    ['It has no side effects.', 'no side effects'],
    ['Treatment is risk-free.', 'risk-free'],
    ['The shot is completely safe.', 'completely safe'],
    ['The safest choice.', 'safest'],
    ['The best treatment for psoriasis.', 'best'],
    ['The most effective biologic.', 'most effective'],
    ['It works for everyone.', 'works for everyone'],
    ['Clinically proven to clear skin.', 'proven to'],
  ])('flags %j as %s', (text, label) => {
    expect(prohibitedTermsIn(text)).toContain(label);
  });

  it.each([
    'There is no cure for psoriasis, but treatment can help.',
    'Savings are not guaranteed.',
    'Try your best to take each dose on time.',
    'The best way to remember is a weekly alarm.',
    'Serious infections were reported in 0.9% of patients.',
    'Ask your doctor about side effects.',
    'Keep your pen secure and out of reach of children.',
  ])('does not flag %j', (text) => {
    expect(prohibitedTermsIn(text)).toEqual([]);
  });
});
