import type { Channel } from '../domain/block.js';
import type { PreferenceContext } from '../domain/compliance.js';
import type { ComposeRequest } from '../domain/compose.js';
import type { Engagement } from '../domain/engagement.js';

/** The subject's own limits and recent engagement (read once per run), for the `preferences` rule. */
export function preferenceContext(e: Engagement, req: ComposeRequest, now: Date): PreferenceContext {
  const preferences = req.subject.preferences ?? {};
  return {
    preferences,
    ...(req.subject.timezone ? { timezone: req.subject.timezone } : {}),
    now: now.toISOString(),
    engagement: e,
    // Since the choice, the only message that can pass is its acknowledgement: one sent means it was said.
    informedChoice: preferences.informedChoice ? { acknowledged: e.sentSince > 0 } : null,
  };
}

/** For `auto`: channels the subject switched off are tried last, after every other. */
export function channelsOffLast(order: Channel[], off: readonly Channel[] | undefined): Channel[] {
  if (!off?.length) return order;
  return [...order.filter((c) => !off.includes(c)), ...order.filter((c) => off.includes(c))];
}
