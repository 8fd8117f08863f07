import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The address a request came from, for per-address limits. Behind a reverse proxy every connection
 * is the proxy's, so with `trustProxy` the last X-Forwarded-For hop (the one the proxy itself added;
 * earlier hops are the client's own claim) is used instead.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((h) => h.trim());
    const last = hops.at(-1);
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // No socket (an in-process app.request): all such callers share one address.
    return 'unknown';
  }
}
