import { describe, expect, it } from 'vitest';
import { chooseChannel, onChannel } from '../../../agents/learning/channel-choice.js';
import { createOpenState, type OpenState, recordOpen } from '../../../agents/learning/channel-opens.js';
import type { LearningAction } from '../../../agents/learning/learning-action.js';
import { seededRandom } from '../../../agents/learning/seeded-random.js';
import type { Channel } from '../../../src/domain/block.js';
import { everyAction } from './learning-fixtures.js';

function sends(state: OpenState, subject: string, channel: Channel, opened: number, unopened: number) {
  for (let i = 0; i < opened + unopened; i++) recordOpen(state, { subject, channel, opened: i < opened });
  return state;
}

/** A programme whose subjects open a quarter of emails, a tenth of web messages and few pushes. */
function programme(): OpenState {
  const state = createOpenState();
  for (let i = 0; i < 20; i++) {
    sends(state, `other-${i}`, 'email', 5, 15);
    sends(state, `other-${i}`, 'web', 2, 18);
    sends(state, `other-${i}`, 'push', 1, 19);
  }
  return state;
}

/** How often each channel is chosen over `n` draws. */
function shares(opens: OpenState, allowed: LearningAction[], subject = 's1', n = 400) {
  const random = seededRandom('channel-choice');
  const counts = new Map<Channel | undefined, number>();
  for (let i = 0; i < n; i++) {
    const c = chooseChannel({ opens, subject, allowed, random }).channel;
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return (c: Channel) => (counts.get(c) ?? 0) / n;
}

describe('channel choice from opens', () => {
  const noSms = everyAction('forgetfulness', ['email', 'push', 'web']);

  it("follows the programme's open rates for a new subject", () => {
    const share = shares(programme(), noSms);
    expect(share('email')).toBeGreaterThan(share('web'));
    expect(share('web')).toBeGreaterThan(share('push'));
  });

  it('moves a subject whose opens show one channel to that channel after a few observations', () => {
    const before = shares(programme(), noSms)('web');
    const opens = sends(sends(programme(), 's1', 'web', 6, 0), 's1', 'email', 0, 6);
    const after = shares(opens, noSms)('web');
    expect(before).toBeLessThan(0.3);
    expect(after).toBeGreaterThan(0.9);
  });

  it('keeps SMS, whose reads are never observed, over channels opened at the programme rate', () => {
    const share = shares(programme(), everyAction('forgetfulness'));
    expect(share('sms')).toBeGreaterThan(0.95);
  });

  it('chooses email over SMS only once a subject has opened many emails', () => {
    // 25 of 25 opened: the posterior mean (0.77) is still below the assumed SMS read rate.
    expect(shares(sends(programme(), 's1', 'email', 25, 0), everyAction('forgetfulness'))('email')).toBeLessThan(0.3);
    expect(shares(sends(programme(), 's1', 'email', 60, 0), everyAction('forgetfulness'))('email')).toBeGreaterThan(
      0.6,
    );
  });

  it('uses a channel with neither opens nor an assumed read rate only when it is the only one', () => {
    const random = seededRandom(1);
    const config = { programmeWeight: 10, assumedRead: {} };
    const opens = programme();
    const smsAndPush = everyAction('cost', ['sms', 'push']);
    expect(chooseChannel({ opens, subject: 's1', allowed: smsAndPush, random, config }).channel).toBe('push');
    expect(chooseChannel({ opens, subject: 's1', allowed: everyAction('cost', ['sms']), random, config }).channel).toBe(
      'sms',
    );
    expect(
      chooseChannel({ opens, subject: 's1', allowed: [{ kind: 'skip' }], random, config }).channel,
    ).toBeUndefined();
  });

  it('leaves skip and the sends on the chosen channel for the technique choice', () => {
    const kept = onChannel(everyAction('cost'), 'web');
    expect(kept[0]).toEqual({ kind: 'skip' });
    expect(kept.slice(1).every((a) => a.kind === 'send' && a.channel === 'web')).toBe(true);
    expect(kept).toHaveLength(1 + 3);
    expect(onChannel(everyAction('cost'), undefined)).toEqual([{ kind: 'skip' }]);
  });
});
