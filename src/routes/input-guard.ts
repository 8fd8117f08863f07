import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { Invalid } from '../domain/errors.js';
import { describeFault, findInputFault, isUnstorable } from '../domain/unstorable-input.js';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The path segment as text, or undefined when its escapes are not UTF-8 (`%ZZ`, `%C0%AF`, an encoded surrogate). */
function decoded(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/**
 * Refuses, as one 400, input the store cannot hold or the service should not walk: a path whose escapes
 * are not UTF-8, a NUL character or a lone surrogate in the path, the query or any JSON string or key, and JSON nested past the limit.
 * Checked before any route reads its input, so such text never reaches Postgres (where it failed the
 * request, and on the embedded store dropped the connection under other requests).
 */
export function inputGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const parts = url.pathname.split('/').map(decoded);
    // Left undecoded, such a segment would become an id as sent: `%ZZ` and `%25ZZ` the same subject.
    if (parts.includes(undefined)) {
      throw new Invalid('the path is not valid percent-encoded UTF-8', [
        { path: 'path', message: 'escape each byte of UTF-8 text as %XX' },
      ]);
    }
    if (parts.some((part) => isUnstorable(part!))) {
      throw new Invalid('the path holds text that cannot be stored', [
        { path: 'path', message: 'remove NUL characters' },
      ]);
    }
    for (const [name, value] of url.searchParams) {
      if (isUnstorable(name) || isUnstorable(value)) {
        throw new Invalid('the query holds text that cannot be stored', [
          { path: 'query', message: 'a NUL character or a lone surrogate' },
        ]);
      }
    }
    if (WITH_BODY.has(c.req.method) && /json/i.test(c.req.header('content-type') ?? '')) {
      // Parsed once here; the route's validator reads the same parsed body.
      const body = await c.req.json().catch((err: unknown) => {
        if (err instanceof SyntaxError) throw new Invalid('the request body is not valid JSON');
        throw err;
      });
      const fault = findInputFault(body);
      if (fault) {
        throw new Invalid(`the request body ${describeFault(fault)}`, [
          { path: fault.path, message: describeFault(fault) },
        ]);
      }
    }
    await next();
  };
}
