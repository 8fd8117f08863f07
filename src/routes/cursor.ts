import { Invalid } from '../domain/errors.js';

export type Cursor = { at: string; id: string };

/** Keyset cursors are opaque to clients: base64url of the last row's time and id. */
function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.at, c.id])).toString('base64url');
}

export function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at))) return { at, id };
  } catch {
    // falls through to the error below
  }
  throw new Invalid('the cursor is not valid', [{ path: 'cursor', message: 'use nextCursor from a previous page' }]);
}

/** One page of rows fetched with `limit + 1`: the extra row only tells that another page follows. */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (last: T) => Cursor) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
