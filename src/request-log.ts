import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from 'pino';
import type { AppEnv } from './app-env.js';
import type { Metrics } from './observability/metrics.js';

/**
 * One line per request: method, the route pattern (never the concrete path, which can carry ids),
 * status and duration. Bodies and query strings are never logged.
 */
export function requestLog(logger: Logger, metrics?: Metrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const requestId = c.get('requestId');
    c.set('logger', logger.child({ requestId }));
    c.header('x-request-id', requestId);
    await next();
    const ms = performance.now() - started;
    const route = routePath(c);
    logger.info(
      { requestId, method: c.req.method, route, status: c.res.status, ms: Math.round(ms * 10) / 10 },
      'request',
    );
    metrics?.httpSeconds.observe({ method: c.req.method, route, status: String(c.res.status) }, ms / 1000);
  };
}
