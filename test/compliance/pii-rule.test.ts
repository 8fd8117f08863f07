import { describe, expect, it } from 'vitest';
import { piiRule } from '../../src/compliance/pii-rule.js';
import { CTA, context, GREETING, messageOf, SUPPORT, SUPPORT_PHONE } from './fixtures.js';

const withBody = (body: string) => context({ message: { ...messageOf([GREETING, SUPPORT, CTA]), body } });

describe('pii rule', () => {
  it("passes on a programme's own support phone inside an approved block", () => {
    expect(CTA.text).toContain(SUPPORT_PHONE);
    expect(piiRule.check(context())).toMatchObject({ rule: 'pii', passed: true });
  });

  it("fails on the subject's name in the body, without echoing it", () => {
    const result = piiRule.check(withBody(`Hi maria gonzalez. ${SUPPORT.text} ${CTA.text}`));
    expect(result).toMatchObject({ passed: false, fixable: false });
    expect(result.detail).toBe('the body contains 1 personal value from the request');
    expect(result.detail.toLowerCase()).not.toContain('maria');
  });

  it('fails on a Safe Harbor identifier that is not approved content', () => {
    const result = piiRule.check(withBody(`${GREETING.text} Email jo.doe@example.org or call 312-555-0199.`));
    expect(result.passed).toBe(false);
    expect(result.detail).toMatch(/^the body contains 2 Safe Harbor identifiers \((EMAIL, PHONE|PHONE, EMAIL)\)$/);
    expect(result.detail).not.toContain('312');
  });

  it('checks the subject line too, which approved_content does not cover', () => {
    const message = { ...messageOf([GREETING, SUPPORT, CTA], 'email'), subject: 'A note for Maria Gonzalez' };
    const result = piiRule.check(context({ message }));
    expect(result).toMatchObject({
      passed: false,
      detail: 'the subject line contains 1 personal value from the request',
    });
  });

  it('does not flag a personal value that approved text happens to contain', () => {
    expect(piiRule.check(context({ personalValues: ['May'] })).passed).toBe(true);
  });

  it('does not treat the support phone as approved once it is outside a listed block', () => {
    const result = piiRule.check(withBody(`${GREETING.text} Text ${SUPPORT_PHONE} today.`));
    expect(result.passed).toBe(false);
  });
});
