import { describe, expect, it } from 'vitest';
import { expiryRule } from '../../src/compliance/expiry-rule.js';
import { CTA, context, GREETING, storedBlock, TODAY } from './fixtures.js';

describe('expiry rule', () => {
  it('passes when every block is within its approval window, boundaries included', () => {
    const edge = storedBlock('EDGE', 'Edge.', { approval: { approvedAt: TODAY, expiresAt: TODAY } });
    expect(expiryRule.check(context({ blocks: [GREETING, edge] })).passed).toBe(true);
  });

  it('fails on an expired block, naming it', () => {
    const old = storedBlock('COST-OLD', 'Old savings offer.', { approval: { expiresAt: '2025-06-30' } });
    const result = expiryRule.check(context({ blocks: [GREETING, old, CTA] }));
    expect(result).toMatchObject({ passed: false, fixable: true, blockIds: ['COST-OLD'] });
    expect(result.detail).toBe('COST-OLD expired on 2025-06-30');
  });

  it('fails on a block not yet approved, judged on ctx.today rather than the stored flag', () => {
    const early = storedBlock('NEW', 'New offer.', { usable: true, approval: { approvedAt: '2026-12-01' } });
    const result = expiryRule.check(context({ blocks: [early] }));
    expect(result).toMatchObject({ passed: false, blockIds: ['NEW'] });
    expect(result.detail).toContain('not approved until 2026-12-01');
  });
});
