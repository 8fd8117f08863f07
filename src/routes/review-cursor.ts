import { Invalid } from '../domain/errors.js';
import type { ReviewCursor } from '../store/reviews-repo.js';

const BASE64URL = /^[A-Za-z0-9_-]{1,200}$/;
// Microseconds since the epoch as decimal digits (no precision lost to a JavaScript Date); ids are the service's own.
const MICROS = /^\d{1,16}$/;
const ID = /^[A-Za-z0-9_]{1,100}$/;

/** The queue's cursors: base64url of the last row's priority, time and id (the queue's own order). */
export function encodeReviewCursor(c: ReviewCursor): string {
  return Buffer.from(JSON.stringify([c.priority, c.at, c.id])).toString('base64url');
}

function parse(raw: string): ReviewCursor | undefined {
  if (!BASE64URL.test(raw)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 3) return undefined;
    const [priority, at, id] = value as unknown[];
    const ok =
      Number.isInteger(priority) &&
      (priority as number) >= 0 &&
      (priority as number) < 100 &&
      typeof at === 'string' &&
      MICROS.test(at) &&
      typeof id === 'string' &&
      ID.test(id);
    return ok ? { priority: priority as number, at, id } : undefined;
  } catch {
    return undefined;
  }
}

/** Only a cursor this service handed out is accepted; anything else is the client's 400. */
export function decodeReviewCursor(raw: string | undefined): ReviewCursor | undefined {
  if (!raw) return undefined;
  const cursor = parse(raw);
  if (cursor) return cursor;
  throw new Invalid('the cursor is not valid', [{ path: 'cursor', message: 'use nextCursor from a previous page' }]);
}
