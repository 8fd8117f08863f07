import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';

/**
 * The contract writes its lists as templates (`?program=&q=&limit=`, `?status=&kind=&runId=&cursor=`), so a
 * client that fills in only the filters it wants sends the others blank. A blank value means "not given":
 * it is dropped before any route validates its query, instead of failing as an empty filter.
 */
export function blankQueryAsAbsent(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') {
      const url = new URL(c.req.url);
      const kept = [...url.searchParams].filter(([, value]) => value !== '');
      if (kept.length < url.searchParams.size) {
        url.search = new URLSearchParams(kept).toString();
        const raw = c.req.raw;
        c.req.raw = new Request(url, { method: raw.method, headers: raw.headers, signal: raw.signal });
      }
    }
    await next();
  };
}
