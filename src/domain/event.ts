import { z } from 'zod';
import { SubjectId } from './subject.js';

export const EventType = z.string().regex(/^[a-z][a-z0-9_]{0,59}$/, 'a lowercase event type such as refill_missed');

const MAX_DATA_CHARS = 16_000;

const EventSubject = z.union(
  [z.strictObject({ id: SubjectId }), z.strictObject({ anonymousId: z.string().min(1).max(200) })],
  { error: 'either {"id": "..."} or {"anonymousId": "..."}, one of them, as a non-empty string' },
);

export const Event = z
  .strictObject({
    id: z.string().min(1).max(200),
    subject: EventSubject,
    program: z.string().min(1).max(120),
    type: EventType,
    at: z.iso.datetime({ offset: true }),
    data: z
      .record(z.string(), z.unknown())
      .default({})
      .refine((d) => JSON.stringify(d).length <= MAX_DATA_CHARS, `data is larger than ${MAX_DATA_CHARS} characters`),
  })
  .meta({ id: 'Event' });
export type Event = z.infer<typeof Event>;

/** A STOP reply (or its usual synonyms) withdraws the channel it came on, as carriers require for SMS. */
const STOP_WORDS = new Set(['stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit', 'optout', 'revoke']);

export function isStopReply(e: Pick<Event, 'type' | 'data'>): boolean {
  if (e.type !== 'message_replied') return false;
  const text = e.data.text ?? e.data.body ?? e.data.reply;
  return (
    typeof text === 'string' &&
    STOP_WORDS.has(
      text
        .trim()
        .toLowerCase()
        .replace(/[^a-z]/g, ''),
    )
  );
}

/** Events that withdraw consent: an unsubscribe (its channel, or every channel) or a STOP reply (its channel). */
export function withdrawnChannels(e: Pick<Event, 'type' | 'data'>, all: readonly string[]): string[] {
  if (e.type !== 'unsubscribe' && !isStopReply(e)) return [];
  const channel = e.data.channel;
  if (typeof channel === 'string' && all.includes(channel)) return [channel];
  return [...all];
}
