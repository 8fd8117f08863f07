import { describe, expect, it } from 'vitest';
import { consentRule } from '../../src/compliance/consent-rule.js';
import { context } from './fixtures.js';

describe('consent rule', () => {
  it('passes on a consented channel without unsubscribes', () => {
    expect(consentRule.check(context())).toMatchObject({ rule: 'consent', passed: true });
  });

  it('fails when the channel is not consented, or consent is merely absent', () => {
    for (const consents of [{ sms: false }, {}] as Record<string, boolean>[]) {
      const result = consentRule.check(context({ consents }));
      expect(result).toMatchObject({ passed: false, fixable: false });
      expect(result.detail).toContain('not consented to sms');
    }
  });

  it('treats an unsubscribe from any channel as blocking every channel', () => {
    const result = consentRule.check(context({ signals: [{ type: 'unsubscribe', data: { channel: 'email' } }] }));
    expect(result).toMatchObject({ passed: false, fixable: false });
    expect(result.detail).toBe('an unsubscribe signal (from email) blocks every channel');
  });

  it('never echoes free text from the unsubscribe signal', () => {
    const signals = [{ type: 'unsubscribe', data: { channel: 'stop texting Maria at 555-867-5309' } }];
    const result = consentRule.check(context({ signals }));
    expect(result.passed).toBe(false);
    expect(result.detail).toBe('an unsubscribe signal blocks every channel');
  });
});
