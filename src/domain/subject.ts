import { z } from 'zod';
import { Audience, Channel } from './block.js';
import { Locale } from './locale.js';

/** Ids the service makes up for visitors known only anonymously; a client may not use them. */
export const ANONYMOUS_PREFIX = 'anon:';

/** A pseudonymous subject id, as clients send it in paths and bodies. */
export const SubjectId = z
  .string()
  .min(1)
  .max(200)
  .refine((v) => !v.startsWith(ANONYMOUS_PREFIX), `ids starting with "${ANONYMOUS_PREFIX}" are reserved`);

/** An IANA time zone the runtime knows (Intl throws a RangeError on any other). */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as America/New_York');

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a 24-hour time such as 21:00');

/** The subject's own limits on being contacted; the `preferences` compliance rule enforces every one. */
export const Preferences = z
  .strictObject({
    quietHours: z.strictObject({ start: ClockTime, end: ClockTime }).optional(),
    maxPerWeek: z.number().int().min(0).max(50).optional(),
    channelsOff: z.array(Channel).max(4).optional(),
    topicsOff: z.array(z.string().min(1).max(60)).max(50).optional(),
    pausedUntil: z.iso.datetime({ offset: true }).optional(),
    /** The subject decided with their clinician to change or stop treatment: the programme stops nudging. */
    informedChoice: z.string().min(1).max(500).optional(),
  })
  .meta({ id: 'Preferences' });
export type Preferences = z.infer<typeof Preferences>;

/**
 * What `PUT /v1/subjects/{id}` stores. Strict: nothing personal beyond these fields is accepted. The
 * audience may be left for each compose request to give (request fields win over stored ones anyway).
 */
export const SubjectProfile = z
  .strictObject({
    audience: Audience.optional(),
    consents: z.partialRecord(Channel, z.boolean()).default({}),
    timezone: TimeZone.optional(),
    locale: Locale.optional(),
    preferences: Preferences.default({}),
  })
  .refine((s) => !s.preferences.quietHours || s.timezone, {
    path: ['timezone'],
    message: 'quiet hours need the subject’s time zone',
  })
  .meta({ id: 'SubjectProfile' });
export type SubjectProfile = z.infer<typeof SubjectProfile>;

/** A stored subject: the profile, consents withdrawn by events (channel → when) and when an informed choice was recorded. */
export type StoredSubject = Omit<SubjectProfile, 'audience'> & {
  id: string;
  /** Null for a subject first seen through an opt-out event, before any profile was stored. */
  audience: string | null;
  withdrawn: Partial<Record<Channel, string>>;
  informedChoiceAt: string | null;
  updatedAt: string;
};

/** Consents as they hold now: a channel withdrawn by an unsubscribe or STOP reply is off, whatever a request says. */
export function effectiveConsents(
  consents: Record<string, boolean>,
  withdrawn: Partial<Record<string, string>>,
): Record<string, boolean> {
  const out = { ...consents };
  for (const channel of Object.keys(withdrawn)) out[channel] = false;
  return out;
}
