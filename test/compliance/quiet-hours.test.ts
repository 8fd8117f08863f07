import { describe, expect, it } from 'vitest';
import { inQuietHours, outsideQuietHours } from '../../src/compliance/quiet-hours.js';

const NIGHT = { start: '21:00', end: '08:00' };
const at = (iso: string) => new Date(iso);

describe('quiet hours on the subject’s own clock', () => {
  it('reads the same instant differently in different time zones', () => {
    const instant = at('2026-06-15T02:00:00Z'); // 22:00 in New York, 03:00 in London, 11:00 in Tokyo
    expect(inQuietHours(instant, 'America/New_York', NIGHT)).toBe(true);
    expect(inQuietHours(instant, 'Europe/London', NIGHT)).toBe(true);
    expect(inQuietHours(instant, 'Asia/Tokyo', NIGHT)).toBe(false);
  });

  it('moves an evening time to the next local morning, and a pre-dawn time to the same morning', () => {
    expect(outsideQuietHours(at('2026-06-15T02:00:00Z'), 'America/New_York', NIGHT).toISOString()).toBe(
      '2026-06-15T12:00:00.000Z',
    );
    expect(outsideQuietHours(at('2026-06-15T05:30:00Z'), 'Europe/London', NIGHT).toISOString()).toBe(
      '2026-06-15T07:00:00.000Z',
    );
    const outside = at('2026-06-15T15:00:00Z');
    expect(outsideQuietHours(outside, 'America/New_York', NIGHT)).toBe(outside);
  });

  it('follows daylight saving: the same 08:00 is a different UTC hour either side of the change', () => {
    // New York springs forward on 8 March 2026 and falls back on 1 November 2026.
    expect(outsideQuietHours(at('2026-03-08T03:00:00Z'), 'America/New_York', NIGHT).toISOString()).toBe(
      '2026-03-08T12:00:00.000Z',
    );
    expect(outsideQuietHours(at('2026-03-07T03:00:00Z'), 'America/New_York', NIGHT).toISOString()).toBe(
      '2026-03-07T13:00:00.000Z',
    );
    expect(outsideQuietHours(at('2026-11-01T04:30:00Z'), 'America/New_York', NIGHT).toISOString()).toBe(
      '2026-11-01T13:00:00.000Z',
    );
  });

  it('moves an end that falls in a spring-forward gap to the first minute that exists', () => {
    const gap = { start: '01:00', end: '02:30' }; // 02:30 does not exist in New York on 8 March 2026
    expect(outsideQuietHours(at('2026-03-08T06:15:00Z'), 'America/New_York', gap).toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });

  it('handles quiet hours within one day, half-hour zones, and none at all', () => {
    const lunch = { start: '12:00', end: '13:00' };
    expect(inQuietHours(at('2026-06-15T06:45:00Z'), 'Asia/Kolkata', lunch)).toBe(true); // 12:15 IST
    expect(outsideQuietHours(at('2026-06-15T06:45:00Z'), 'Asia/Kolkata', lunch).toISOString()).toBe(
      '2026-06-15T07:30:00.000Z',
    );
    expect(inQuietHours(at('2026-06-15T06:45:00Z'), 'Asia/Kolkata', { start: '09:00', end: '09:00' })).toBe(false);
    const instant = at('2026-06-15T02:00:00Z');
    expect(outsideQuietHours(instant, undefined, NIGHT)).toBe(instant);
  });
});
