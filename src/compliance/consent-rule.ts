import { CHANNELS } from '../domain/block.js';
import type { ComplianceContext, Rule, RuleResult } from '../domain/compliance.js';
import { fail, pass } from './rule-result.js';

const NAME = 'consent';

/**
 * The channel must be explicitly consented (`true`, not merely absent), and any unsubscribe
 * signal blocks every channel: a person who opted out of one channel has told us to stop,
 * and guessing which channels they still want is not ours to do.
 */
export function checkConsent(ctx: Pick<ComplianceContext, 'signals' | 'consents' | 'channel'>): RuleResult {
  {
    const unsubscribes = ctx.signals.filter((s) => s.type === 'unsubscribe');
    if (unsubscribes.length > 0) {
      // Only a known channel name is echoed; signal data is free text from the client.
      const named = unsubscribes
        .map((s) => s.data?.channel)
        .filter((c): c is string => typeof c === 'string' && (CHANNELS as readonly string[]).includes(c));
      const from = named.length ? ` (from ${[...new Set(named)].join(', ')})` : '';
      return fail(NAME, `an unsubscribe signal${from} blocks every channel`, false);
    }
    if (ctx.consents[ctx.channel] !== true) {
      return fail(NAME, `the subject has not consented to ${ctx.channel}`, false);
    }
    return pass(NAME, `the subject consented to ${ctx.channel} and has not unsubscribed`);
  }
}

export const consentRule: Rule = { name: NAME, check: checkConsent };
