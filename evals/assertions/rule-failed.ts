import { z } from 'zod';
import { defineAssertion, list, verdict } from './define-assertion.js';

/** The compliance check named `rule` ran and failed (a red-team case expects the rule to catch it). */
export const ruleFailed = defineAssertion(z.strictObject({ rule: z.string().min(1) }), (outcome, { rule }) => {
  const failed = outcome.answer.compliance.checks.filter((c) => !c.passed).map((c) => c.rule);
  if (failed.includes(rule)) return verdict(true, `rule ${rule} failed`);
  return verdict(false, `rule ${rule} did not fail; failed rules: ${list(failed) || 'none'}`);
});
