import { describe, expect, it } from 'vitest';
import { audienceRule } from '../../src/compliance/audience-rule.js';
import { CTA, context, GREETING, storedBlock } from './fixtures.js';

describe('audience rule', () => {
  it('passes when every block is for the request programme and audience', () => {
    expect(audienceRule.check(context())).toMatchObject({ rule: 'audience', passed: true });
  });

  it('fails on a block of another programme', () => {
    const other = storedBlock('HCP-01', 'Prior authorization help.', { program: 'demo-hcp' });
    const result = audienceRule.check(context({ blocks: [GREETING, other, CTA] }));
    expect(result).toMatchObject({ passed: false, fixable: true, blockIds: ['HCP-01'] });
    expect(result.detail).toContain('HCP-01 is for programme demo-hcp');
  });

  it('fails on a block for another audience', () => {
    const carer = storedBlock('CARE-01', 'Caring for someone is hard.', { audience: 'caregiver' });
    const result = audienceRule.check(context({ blocks: [GREETING, carer] }));
    expect(result).toMatchObject({ passed: false, blockIds: ['CARE-01'] });
    expect(result.detail).toContain('audience caregiver');
  });
});
