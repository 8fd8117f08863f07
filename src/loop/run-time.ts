import { DateTime, Duration } from 'luxon';
import { outsideQuietHours, type QuietHours } from '../compliance/quiet-hours.js';
import { fieldOf, type Trigger } from '../domain/trigger.js';

/** The longest delay a trigger may ask for: a reminder further out is a calendar's job. */
const MAX_DELAY_DAYS = 366;

/** An ISO 8601 duration in milliseconds, read by Luxon; undefined when it is not one. */
export function durationMs(iso: string): number | undefined {
  const negative = iso.startsWith('-');
  const d = Duration.fromISO(negative ? iso.slice(1) : iso);
  if (!d.isValid) return undefined;
  return (negative ? -1 : 1) * d.as('milliseconds');
}

/** Why a trigger's timing is unusable, or null. */
export function delayProblem(t: Trigger): string | null {
  const ms = durationMs(t.delay);
  if (ms === undefined) return 'not an ISO 8601 duration';
  return Math.abs(ms) > MAX_DELAY_DAYS * 86_400_000 ? `longer than ${MAX_DELAY_DAYS} days` : null;
}

type Timed = { at: string; type: string; program: string; data: Record<string, unknown> };

/**
 * When a triggered run should happen: the event's time (or the date-time its `from` field names) plus the
 * delay, in calendar terms on the subject's own clock (P1D is the same wall-clock time the next day, across
 * a daylight-saving change), never in the past, then moved out of their quiet hours.
 */
export function runTimeFor(
  trigger: Trigger,
  event: Timed,
  subject: { timezone?: string; quietHours?: QuietHours },
  now: Date,
): Date | undefined {
  const base = trigger.from ? fieldOf(event, trigger.from) : event.at;
  if (typeof base !== 'string') return undefined;
  const start = DateTime.fromISO(base, { zone: subject.timezone ?? 'UTC', setZone: false });
  if (!start.isValid) return undefined;
  const negative = trigger.delay.startsWith('-');
  const delay = Duration.fromISO(negative ? trigger.delay.slice(1) : trigger.delay);
  if (!delay.isValid) return undefined;
  const due = (negative ? start.minus(delay) : start.plus(delay)).toJSDate();
  const notBefore = due.getTime() < now.getTime() ? now : due;
  return outsideQuietHours(notBefore, subject.timezone, subject.quietHours);
}
