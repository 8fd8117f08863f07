import type { ComplianceContext, Rule } from '../domain/compliance.js';
import { fail, pass, plural } from './rule-result.js';

const NAME = 'frequency';

/** At most `cap` approved messages per subject per rolling window; this one would be the next. */
export function checkFrequency({ sentInWindow, cap, windowDays }: ComplianceContext['frequency']) {
  const detail = `${plural(sentInWindow, 'message')} sent in the last ${plural(windowDays, 'day')} (cap ${cap})`;
  return sentInWindow < cap ? pass(NAME, detail) : fail(NAME, `${detail}: the cap is reached`, false);
}

export const frequencyRule: Rule = { name: NAME, check: (ctx) => checkFrequency(ctx.frequency) };
