import { describe, expect, it } from 'vitest';
import { createOpenState, recordOpen } from '../../../agents/learning/channel-opens.js';
import { channelFromOpens } from '../../../agents/learning/opens-channel.js';
import { everyAction } from './learning-fixtures.js';

/** s1 opened every web message and no email; another subject opened half their emails. */
function opens() {
  const state = createOpenState();
  for (let i = 0; i < 30; i++) {
    recordOpen(state, { subject: 's1', channel: 'web', opened: true });
    recordOpen(state, { subject: 's1', channel: 'email', opened: false });
    recordOpen(state, { subject: 'other', channel: 'email', opened: i % 2 === 0 });
  }
  return state;
}

describe('the service learner’s channel from opens', () => {
  it('leaves skip and the sends on the chosen channel, and records each channel’s draw and the opens behind it', () => {
    const chosen = channelFromOpens({
      opens: opens(),
      subject: 's1',
      allowed: everyAction('cost', ['email', 'web', 'sms']),
      seed: 'run-1',
    })!;
    expect(chosen.allowed.every((a) => a.kind === 'skip' || a.channel === chosen.record.chosen)).toBe(true);
    expect(chosen.allowed.some((a) => a.kind === 'skip')).toBe(true);
    const byChannel = new Map(chosen.record.candidates.map((c) => [c.channel, c]));
    expect(byChannel.get('web')).toMatchObject({
      assumed: false,
      own: { opened: 30, sent: 30 },
      others: { opened: 0, sent: 0 },
    });
    expect(byChannel.get('email')).toMatchObject({ own: { opened: 0, sent: 30 }, others: { opened: 15, sent: 30 } });
    expect(byChannel.get('sms')).toEqual({ channel: 'sms', read: 0.85, assumed: true });
    const best = Math.max(...chosen.record.candidates.map((c) => c.read));
    expect(byChannel.get(chosen.record.chosen)!.read).toBe(best);
    expect(chosen.rationale).toContain('this person opened 30 of 30');
    expect(chosen.rationale).toContain('SMS 85% assumed, as its reads are never seen');
  });

  it('replays from the run’s seed, and follows the subject’s opens over most seeds', () => {
    const input = { opens: opens(), subject: 's1', allowed: everyAction('cost', ['email', 'web']) };
    expect(channelFromOpens({ ...input, seed: 'r' })).toEqual(channelFromOpens({ ...input, seed: 'r' }));
    const web = Array.from({ length: 50 }, (_, i) => channelFromOpens({ ...input, seed: `r${i}` })!.record.chosen);
    expect(web.filter((c) => c === 'web').length).toBeGreaterThanOrEqual(48);
  });

  it('does not choose where the sends allowed are on one channel only', () => {
    const allowed = everyAction('cost', ['web']);
    expect(channelFromOpens({ opens: opens(), subject: 's1', allowed, seed: 'r' })).toBeUndefined();
  });
});
