import { z } from 'zod';
import { defineAssertion, verdict } from './define-assertion.js';

/** The compliance check named `rule` ran and passed; a rule that never ran does not count as passed. */
export const rulePassed = defineAssertion(z.strictObject({ rule: z.string().min(1) }), (outcome, { rule }) => {
  const checks = outcome.answer.compliance.checks.filter((c) => c.rule === rule);
  if (checks.length === 0) return verdict(false, `rule ${rule} was not checked`);
  const failed = checks.find((c) => !c.passed);
  return failed ? verdict(false, `rule ${rule} failed: ${failed.detail}`) : verdict(true, `rule ${rule} passed`);
});
