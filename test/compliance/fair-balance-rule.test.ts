import { describe, expect, it } from 'vitest';
import { fairBalanceRule } from '../../src/compliance/fair-balance-rule.js';
import { CLAIM, CTA, context, GREETING, ISI_EMAIL, ISI_LINK, storedBlock } from './fixtures.js';

describe('fair_balance rule', () => {
  it('passes when no block requires ISI', () => {
    expect(fairBalanceRule.check(context())).toMatchObject({ rule: 'fair_balance', passed: true });
  });

  it('accepts the short ISI link form on sms', () => {
    expect(fairBalanceRule.check(context({ blocks: [GREETING, CLAIM, CTA, ISI_LINK] })).passed).toBe(true);
  });

  it('fails on a claim without ISI, fixable while an ISI block exists, naming the claim', () => {
    const result = fairBalanceRule.check(context({ blocks: [GREETING, CLAIM, CTA] }));
    expect(result).toMatchObject({ passed: false, fixable: true, blockIds: ['CLAIM-SMS'] });
    expect(result.detail).toBe('CLAIM-SMS requires Important Safety Information but the message has no sms ISI block');
  });

  it('does not count an ISI block of another channel or programme', () => {
    const otherProgram = storedBlock('ISI-OTHER', 'Important Safety Info: other.example.com/isi.', {
      kind: 'isi',
      program: 'other-program',
    });
    for (const isi of [ISI_EMAIL, otherProgram]) {
      expect(fairBalanceRule.check(context({ blocks: [GREETING, CLAIM, isi] })).passed).toBe(false);
    }
  });

  it('is not fixable when the programme has no ISI block for the channel', () => {
    const result = fairBalanceRule.check(context({ blocks: [GREETING, CLAIM, CTA], isiBlocks: [ISI_EMAIL] }));
    expect(result).toMatchObject({ passed: false, fixable: false, blockIds: ['CLAIM-SMS'] });
    expect(result.detail).toContain('no approved sms ISI block exists to add');
  });
});
