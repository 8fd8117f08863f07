import { describe, expect, it } from 'vitest';
import { frequencyRule } from '../../src/compliance/frequency-rule.js';
import { context } from './fixtures.js';

describe('frequency rule', () => {
  it('passes below the cap', () => {
    const result = frequencyRule.check(context({ frequency: { sentInWindow: 2, cap: 3, windowDays: 7 } }));
    expect(result).toMatchObject({
      rule: 'frequency',
      passed: true,
      detail: '2 messages sent in the last 7 days (cap 3)',
    });
  });

  it('fails once the cap is reached, and is not fixable', () => {
    const result = frequencyRule.check(context({ frequency: { sentInWindow: 3, cap: 3, windowDays: 7 } }));
    expect(result).toMatchObject({ passed: false, fixable: false });
    expect(result.detail).toContain('cap is reached');
  });

  it('honours a programme cap passed in the context', () => {
    expect(frequencyRule.check(context({ frequency: { sentInWindow: 1, cap: 1, windowDays: 14 } })).passed).toBe(false);
    expect(frequencyRule.check(context({ frequency: { sentInWindow: 4, cap: 5, windowDays: 7 } })).passed).toBe(true);
  });
});
