import type { ComplianceContext, Rule, RuleResult } from '../domain/compliance.js';
import { approvedContentRule } from './approved-content-rule.js';
import { audienceRule } from './audience-rule.js';
import { channelFitRule } from './channel-fit-rule.js';
import { consentRule } from './consent-rule.js';
import { expiryRule } from './expiry-rule.js';
import { fairBalanceRule } from './fair-balance-rule.js';
import { frequencyRule } from './frequency-rule.js';
import { localeRule } from './locale-rule.js';
import { piiRule } from './pii-rule.js';
import { preferencesRule } from './preferences-rule.js';
import { prohibitedClaimsRule } from './prohibited-claims-rule.js';
import { fail } from './rule-result.js';

/** In the order a reviewer reads them: may we write at all, then is the content right. */
export const RULES: readonly Rule[] = [
  consentRule,
  preferencesRule,
  frequencyRule,
  approvedContentRule,
  expiryRule,
  audienceRule,
  localeRule,
  channelFitRule,
  fairBalanceRule,
  prohibitedClaimsRule,
  piiRule,
];

export type ComplianceVerdict = { verdict: 'pass' | 'fail'; checks: RuleResult[] };

/**
 * Every rule runs, even after one fails, so the answer names every problem at once. A rule
 * that throws fails closed: a message is never sent because a check could not run. The
 * error text is not reported, since it may quote the message.
 */
export function runRules(ctx: ComplianceContext, rules: readonly Rule[] = RULES): ComplianceVerdict {
  const checks = rules.map((rule) => {
    try {
      return rule.check(ctx);
    } catch {
      return fail(rule.name, 'the rule could not be evaluated', false);
    }
  });
  return { verdict: checks.every((c) => c.passed) ? 'pass' : 'fail', checks };
}
