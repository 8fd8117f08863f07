import { DateTime } from 'luxon';

export type QuietHours = { start: string; end: string };

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/**
 * Whether an instant falls in the subject's quiet hours, read on their own wall clock (Intl time-zone
 * data through Luxon, so daylight-saving changes are the zone's, not ours). Quiet hours may wrap midnight
 * (21:00–08:00); equal start and end mean none.
 */
export function inQuietHours(instant: Date, timezone: string, quiet: QuietHours): boolean {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  const local = DateTime.fromJSDate(instant, { zone: timezone });
  const now = local.hour * 60 + local.minute;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/**
 * The first instant at or after `instant` outside quiet hours: unchanged when already outside, else the
 * local end of the quiet period (the next morning when it wraps midnight). A wall-clock end that does not
 * exist that day (a spring-forward gap) moves to the first minute that does.
 */
export function outsideQuietHours(instant: Date, timezone: string | undefined, quiet: QuietHours | undefined): Date {
  if (!timezone || !quiet || !inQuietHours(instant, timezone, quiet)) return instant;
  const local = DateTime.fromJSDate(instant, { zone: timezone });
  const endMinutes = minutesOf(quiet.end);
  const wraps = minutesOf(quiet.start) > endMinutes;
  const beforeEnd = local.hour * 60 + local.minute < endMinutes;
  const day = wraps && !beforeEnd ? local.plus({ days: 1 }) : local;
  const end = day.set({ hour: Math.floor(endMinutes / 60), minute: endMinutes % 60, second: 0, millisecond: 0 });
  return end.toJSDate();
}

/** A readable local time for details a reviewer reads ("21:30 America/New_York"). */
export function localClock(instant: Date, timezone: string): string {
  return `${DateTime.fromJSDate(instant, { zone: timezone }).toFormat('HH:mm')} ${timezone}`;
}
