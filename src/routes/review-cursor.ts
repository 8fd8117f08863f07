import { Invalid } from '../domain/errors.js';
import type { ReviewCursor } from '../store/reviews-repo.js';

/** The queue's cursors: base64url of the last row's priority, time and id (the queue's own order). */
export function encodeReviewCursor(c: ReviewCursor): string {
  return Buffer.from(JSON.stringify([c.priority, c.at, c.id])).toString('base64url');
}

export function decodeReviewCursor(raw: string | undefined): ReviewCursor | undefined {
  if (!raw) return undefined;
  try {
    const [priority, at, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    if (Number.isInteger(priority) && typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at)))
      return { priority: priority as number, at, id };
  } catch {
    // falls through to the error below
  }
  throw new Invalid('the cursor is not valid', [{ path: 'cursor', message: 'use nextCursor from a previous page' }]);
}
