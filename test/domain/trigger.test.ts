import { describe, expect, it } from 'vitest';
import { isStopReply, withdrawnChannels } from '../../src/domain/event.js';
import { Trigger, TriggerSet, triggerMatches } from '../../src/domain/trigger.js';

const event = (data: Record<string, unknown>, type = 'refill_missed') => ({
  type,
  at: '2026-11-20T10:00:00Z',
  program: 'p',
  data,
});
const trigger = (where: unknown, on = 'refill_missed') => Trigger.parse({ id: 't', on, where });

describe('trigger predicates (data, never code)', () => {
  it('compares with eq, neq, gt, gte, lt, lte, in and exists', () => {
    expect(triggerMatches(trigger({ 'data.daysLate': { gte: 3 } }), event({ daysLate: 3 }))).toBe(true);
    expect(triggerMatches(trigger({ 'data.daysLate': { gte: 3 } }), event({ daysLate: 2 }))).toBe(false);
    expect(triggerMatches(trigger({ 'data.daysLate': { gt: 3, lt: 10 } }), event({ daysLate: 10 }))).toBe(false);
    expect(triggerMatches(trigger({ 'data.daysLate': { lte: 10 } }), event({ daysLate: 10 }))).toBe(true);
    expect(triggerMatches(trigger({ 'data.reason': 'cost' }), event({ reason: 'cost' }))).toBe(true);
    expect(triggerMatches(trigger({ 'data.reason': { neq: 'cost' } }), event({ reason: 'cost' }))).toBe(false);
    expect(triggerMatches(trigger({ 'data.site': { in: ['A', 'B'] } }), event({ site: 'B' }))).toBe(true);
    expect(triggerMatches(trigger({ 'data.site': { exists: false } }), event({}))).toBe(true);
    expect(triggerMatches(trigger({ 'data.visit.kind': 'baseline' }), event({ visit: { kind: 'baseline' } }))).toBe(
      true,
    );
  });

  it('never matches across kinds, another event type, or a prototype property', () => {
    expect(triggerMatches(trigger({ 'data.daysLate': { gte: 3 } }), event({ daysLate: '9' }))).toBe(false);
    expect(triggerMatches(trigger({}), event({}, 'dose_logged'))).toBe(false);
    expect(triggerMatches(trigger({ 'data.constructor': { exists: true } }), event({}))).toBe(false);
    expect(triggerMatches(trigger({ 'data.toString': { exists: true } }), event({}))).toBe(false);
  });

  it('orders ISO instants in time, whatever their offsets', () => {
    const t = trigger({ 'data.visitAt': { gt: '2026-11-20T12:00:00Z' } }, 'visit_scheduled');
    expect(triggerMatches(t, event({ visitAt: '2026-11-20T08:00:00-05:00' }, 'visit_scheduled'))).toBe(true);
    expect(triggerMatches(t, event({ visitAt: '2026-11-20T13:00:00+02:00' }, 'visit_scheduled'))).toBe(false);
  });

  it('rejects unsafe or malformed definitions', () => {
    expect(Trigger.safeParse({ id: 't', on: 'x', where: { 'constructor.prototype': 1 } }).success).toBe(false);
    expect(Trigger.safeParse({ id: 't', on: 'x', where: { 'data.a': { regex: '.*' } } }).success).toBe(false);
    expect(Trigger.safeParse({ id: 't', on: 'x', delay: '2 hours' }).success).toBe(false);
    expect(Trigger.safeParse({ id: 't', on: 'x', delay: '-P1D' }).success).toBe(false);
    expect(Trigger.safeParse({ id: 't', on: 'x', delay: '-P1D', from: 'data.visitAt' }).success).toBe(true);
    const twice = {
      triggers: [
        { id: 'a', on: 'x' },
        { id: 'a', on: 'y' },
      ],
    };
    expect(TriggerSet.safeParse(twice).success).toBe(false);
  });
});

describe('opt-out events', () => {
  it('reads STOP and its synonyms as a withdrawal of the reply’s channel, other replies not', () => {
    const reply = (text: string, channel?: string) => ({
      type: 'message_replied',
      data: { text, ...(channel ? { channel } : {}) },
    });
    expect(isStopReply(reply(' Stop '))).toBe(true);
    expect(isStopReply(reply('STOP ALL'))).toBe(true);
    expect(isStopReply(reply('please stop by the pharmacy'))).toBe(false);
    expect(withdrawnChannels(reply('stop', 'sms'), ['sms', 'email'])).toEqual(['sms']);
    expect(withdrawnChannels({ type: 'unsubscribe', data: {} }, ['sms', 'email'])).toEqual(['sms', 'email']);
    expect(withdrawnChannels({ type: 'unsubscribe', data: { channel: 'email' } }, ['sms', 'email'])).toEqual(['email']);
    expect(withdrawnChannels(reply('thanks', 'sms'), ['sms'])).toEqual([]);
  });
});
