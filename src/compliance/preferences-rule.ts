import type { Rule, RuleResult } from '../domain/compliance.js';
import { inQuietHours, localClock } from './quiet-hours.js';
import { fail, pass, plural } from './rule-result.js';

const NAME = 'preferences';
const DAY_MS = 86_400_000;

/** Approved blocks that tell a subject, once, that the programme stops: tagged with this topic. */
export const INFORMED_CHOICE_TOPIC = 'informed_choice';

/** After this many sent messages in a row go unanswered, the subject is paced down. */
const UNANSWERED_IN_A_ROW = 3;
/** Paced down: the gap before the next message starts at a week and doubles per further silence, up to four weeks. */
export function pacedGapDays(streak: number): number {
  if (streak < UNANSWERED_IN_A_ROW) return 0;
  return Math.min(28, 7 * 2 ** (streak - UNANSWERED_IN_A_ROW));
}

/**
 * The subject's own limits, checked on every message: an informed choice to stop (only the one approved
 * acknowledgement may go, once), a pause, channels and topics switched off, quiet hours on their own
 * clock, their weekly maximum, and pacing after unanswered messages. Topics off are the only fault other
 * blocks can fix.
 */
export const preferencesRule: Rule = {
  name: NAME,
  check(ctx): RuleResult {
    const p = ctx.preferences;
    if (!p) return pass(NAME, 'no preferences or engagement known for the subject');
    const prefs = p.preferences;
    const now = new Date(p.now);
    const blocks = ctx.blocks;
    if (p.informedChoice) {
      const acknowledgement = blocks.some((b) => b.tags.topics.includes(INFORMED_CHOICE_TOPIC));
      const onlyThat = blocks.every((b) => b.kind === 'greeting' || b.tags.topics.includes(INFORMED_CHOICE_TOPIC));
      if (p.informedChoice.acknowledged) {
        return fail(NAME, 'the subject made an informed choice to stop and has been told the programme stops', false);
      }
      if (!acknowledgement || !onlyThat) {
        return fail(
          NAME,
          'the subject made an informed choice to stop: only the approved acknowledgement may go',
          false,
        );
      }
    }
    if (prefs.pausedUntil && Date.parse(prefs.pausedUntil) > now.getTime()) {
      return fail(NAME, `the subject paused messages until ${prefs.pausedUntil}`, false);
    }
    if (prefs.channelsOff?.includes(ctx.channel)) {
      return fail(NAME, `the subject switched ${ctx.channel} off`, false);
    }
    const off = new Set(prefs.topicsOff ?? []);
    const offBlocks = blocks.filter((b) => [...b.tags.topics, ...b.tags.barriers].some((t) => off.has(t)));
    if (offBlocks.length) {
      return fail(
        NAME,
        `${plural(offBlocks.length, 'block')} touch a topic the subject switched off`,
        true,
        offBlocks.map((b) => b.id),
      );
    }
    if (prefs.quietHours && p.timezone && inQuietHours(now, p.timezone, prefs.quietHours)) {
      return fail(
        NAME,
        `it is ${localClock(now, p.timezone)}, inside the subject's quiet hours (${prefs.quietHours.start}–${prefs.quietHours.end})`,
        false,
      );
    }
    const { sentLast7Days, unansweredStreak, lastSentAt } = p.engagement;
    if (prefs.maxPerWeek !== undefined && sentLast7Days >= prefs.maxPerWeek) {
      return fail(
        NAME,
        `${plural(sentLast7Days, 'message')} in 7 days reach the subject's own maximum of ${prefs.maxPerWeek}`,
        false,
      );
    }
    const gap = pacedGapDays(unansweredStreak);
    if (gap > 0 && lastSentAt && now.getTime() - Date.parse(lastSentAt) < gap * DAY_MS) {
      return fail(
        NAME,
        `${unansweredStreak} messages in a row went unanswered: paced down to one every ${plural(gap, 'day')}`,
        false,
      );
    }
    return pass(
      NAME,
      p.informedChoice ? 'the one acknowledgement of the subject’s informed choice' : 'within the subject’s own limits',
    );
  },
};
