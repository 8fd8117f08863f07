import { describe, expect, it } from 'vitest';
import { RULES, runRules } from '../../src/compliance/compliance-rules.js';
import type { ComplianceContext, Rule } from '../../src/domain/compliance.js';
import { CLAIM, CTA, context, GREETING, messageOf, SUPPORT, storedBlock } from './fixtures.js';

/** A context with SUPPORT swapped for `block`, in both the stored blocks and the message. */
function withSupport(block = SUPPORT): Partial<ComplianceContext> {
  const blocks = [GREETING, block, CTA];
  return { blocks, message: messageOf(blocks) };
}

const text = SUPPORT.text;
const composed = messageOf([GREETING, SUPPORT, CTA]);

/** One change per rule that breaks that rule and no other. */
const BREAKS: Record<string, Partial<ComplianceContext>> = {
  consent: { consents: { sms: false, email: true } },
  frequency: { frequency: { sentInWindow: 3, cap: 3, windowDays: 7 } },
  approved_content: { message: { ...composed, body: `${composed.body} Thanks` } },
  expiry: withSupport(storedBlock('COST-OLD', text, { approval: { expiresAt: '2025-06-30' } })),
  audience: withSupport(storedBlock('COST-CARE', text, { audience: 'caregiver' })),
  locale: withSupport(
    storedBlock('COST-ES', 'Nuestra tarjeta de ahorro puede bajar lo que paga.', { locale: 'es-US' }),
  ),
  channel_fit: withSupport(storedBlock('COST-EMAIL', text, { channels: ['email'] })),
  fair_balance: withSupport(CLAIM),
  prohibited_claims: withSupport(storedBlock('COST-CURE', 'Our savings card is a guaranteed way to pay less.')),
  pii: { message: { ...composed, subject: 'For Maria Gonzalez' } },
  preferences: {
    preferences: {
      preferences: { channelsOff: ['sms'] },
      now: '2026-11-20T15:00:00Z',
      engagement: { sentLast7Days: 0, lastSentAt: null, unansweredStreak: 0, sentSince: 0 },
      informedChoice: null,
    },
  },
};

describe('runRules', () => {
  it('runs every rule, in order, and passes a compliant message', () => {
    const result = runRules(context());
    expect(result.verdict).toBe('pass');
    expect(result.checks.map((c) => c.rule)).toEqual([
      'consent',
      'preferences',
      'frequency',
      'approved_content',
      'expiry',
      'audience',
      'locale',
      'channel_fit',
      'fair_balance',
      'prohibited_claims',
      'pii',
    ]);
    expect(result.checks.every((c) => c.passed && c.detail.length > 0)).toBe(true);
  });

  it.each(RULES.map((r) => r.name))('fails %s on its own while every other rule passes', (name) => {
    const result = runRules(context(BREAKS[name]));
    expect(result.verdict).toBe('fail');
    expect(result.checks.filter((c) => !c.passed).map((c) => c.rule)).toEqual([name]);
    expect(result.checks).toHaveLength(RULES.length);
  });

  it('fails closed when a rule throws, and still runs the rest', () => {
    const broken: Rule = {
      name: 'broken',
      check: () => {
        throw new Error('boom with Maria Gonzalez');
      },
    };
    const result = runRules(context(), [broken, ...RULES]);
    expect(result.verdict).toBe('fail');
    expect(result.checks[0]).toEqual({
      rule: 'broken',
      passed: false,
      detail: 'the rule could not be evaluated',
      fixable: false,
    });
    expect(result.checks).toHaveLength(RULES.length + 1);
  });
});
