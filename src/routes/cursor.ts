import { Invalid } from '../domain/errors.js';

/**
 * A keyset position: the row's `created_at` as the database keeps it (microseconds since the epoch, a
 * decimal string, so no precision is lost to a JavaScript Date) and its id.
 */
export type Cursor = { at: string; id: string };

const BASE64URL = /^[A-Za-z0-9_-]{1,200}$/;
// Up to 16 digits of microseconds reaches the year 2286; ids are the service's own (msg_…, rev_…).
const MICROS = /^\d{1,16}$/;
const ID = /^[A-Za-z0-9_]{1,100}$/;

/** Keyset cursors are opaque to clients: base64url of the last row's time and id. */
function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.at, c.id])).toString('base64url');
}

function parse(raw: string): Cursor | undefined {
  if (!BASE64URL.test(raw)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [at, id] = value as unknown[];
  return typeof at === 'string' && typeof id === 'string' && MICROS.test(at) && ID.test(id) ? { at, id } : undefined;
}

/** Only a cursor this service handed out is accepted; anything else is the client's 400. */
export function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  const cursor = parse(raw);
  if (cursor) return cursor;
  throw new Invalid('the cursor is not valid', [{ path: 'cursor', message: 'use nextCursor from a previous page' }]);
}

/** One page of rows fetched with `limit + 1`: the extra row only tells that another page follows. */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (last: T) => Cursor) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
