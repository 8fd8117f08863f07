import { describe, expect, it } from 'vitest';
import { INFORMED_CHOICE_TOPIC, pacedGapDays, preferencesRule } from '../../src/compliance/preferences-rule.js';
import type { PreferenceContext } from '../../src/domain/compliance.js';
import type { Preferences } from '../../src/domain/subject.js';
import { CTA, context, GREETING, messageOf, SUPPORT, storedBlock } from './fixtures.js';

const NOW = '2026-11-20T15:00:00Z'; // 10:00 in New York
const QUIET = { engagement: { sentLast7Days: 0, lastSentAt: null, unansweredStreak: 0, sentSince: 0 } };

function check(preferences: Preferences, more: Partial<PreferenceContext> = {}, blocks = [GREETING, SUPPORT, CTA]) {
  const p: PreferenceContext = {
    preferences,
    timezone: 'America/New_York',
    now: NOW,
    informedChoice: null,
    ...QUIET,
    ...more,
  };
  return preferencesRule.check(context({ preferences: p, blocks, message: messageOf(blocks) }));
}

describe('the preferences rule: the subject’s own limits', () => {
  it('passes with no preferences known, and within every limit', () => {
    expect(preferencesRule.check(context()).passed).toBe(true);
    expect(check({ quietHours: { start: '21:00', end: '08:00' }, maxPerWeek: 2 }).passed).toBe(true);
  });

  it('holds quiet hours on the subject’s clock, not the server’s', () => {
    const r = check({ quietHours: { start: '21:00', end: '08:00' } }, { timezone: 'Asia/Tokyo' }); // 00:00 in Tokyo
    expect(r).toMatchObject({ passed: false, fixable: false });
    expect(r.detail).toContain('00:00 Asia/Tokyo');
  });

  it('holds a pause until its end', () => {
    expect(check({ pausedUntil: '2026-11-27T00:00:00Z' }).passed).toBe(false);
    expect(check({ pausedUntil: '2026-11-19T00:00:00Z' }).passed).toBe(true);
  });

  it('holds channels off, and topics off as a fault other blocks can fix', () => {
    expect(check({ channelsOff: ['sms'] }).detail).toContain('sms off');
    expect(check({ channelsOff: ['push'] }).passed).toBe(true);
    const savings = storedBlock('SAVE-SMS', 'Our savings card may help.', {
      tags: { barriers: ['cost'], bcts: [], topics: ['savings'] },
    });
    const r = check({ topicsOff: ['cost'] }, {}, [GREETING, savings, CTA]);
    expect(r).toMatchObject({ passed: false, fixable: true, blockIds: ['SAVE-SMS'] });
  });

  it('holds the subject’s own weekly maximum', () => {
    const engagement = { sentLast7Days: 2, lastSentAt: '2026-11-19T10:00:00Z', unansweredStreak: 0, sentSince: 0 };
    expect(check({ maxPerWeek: 2 }, { engagement }).detail).toContain('maximum of 2');
    expect(check({ maxPerWeek: 3 }, { engagement }).passed).toBe(true);
    expect(check({ maxPerWeek: 0 }).passed).toBe(false);
  });

  it('paces down after unanswered messages in a row, more with each further silence', () => {
    expect([2, 3, 4, 5, 9].map(pacedGapDays)).toEqual([0, 7, 14, 28, 28]);
    const recent = { sentLast7Days: 1, lastSentAt: '2026-11-17T15:00:00Z', unansweredStreak: 3, sentSince: 0 };
    expect(check({}, { engagement: recent }).detail).toContain('3 messages in a row went unanswered');
    expect(check({}, { engagement: { ...recent, lastSentAt: '2026-11-10T15:00:00Z' } }).passed).toBe(true);
    expect(check({}, { engagement: { ...recent, unansweredStreak: 2 } }).passed).toBe(true);
  });

  it('after an informed choice allows only the acknowledgement, and only once', () => {
    const ack = storedBlock('ACK-SMS', 'We respect your choice and will stop these messages.', {
      tags: { barriers: [], bcts: [], topics: [INFORMED_CHOICE_TOPIC] },
    });
    const choice = { informedChoice: 'stopped with my doctor' };
    expect(check(choice, { informedChoice: { acknowledged: false } }, [GREETING, ack]).passed).toBe(true);
    expect(check(choice, { informedChoice: { acknowledged: false } }, [GREETING, ack, SUPPORT]).passed).toBe(false);
    expect(check(choice, { informedChoice: { acknowledged: false } }).passed).toBe(false);
    expect(check(choice, { informedChoice: { acknowledged: true } }, [GREETING, ack]).passed).toBe(false);
  });
});
