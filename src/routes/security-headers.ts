import type { MiddlewareHandler } from 'hono';

/**
 * The headers every HTML page of the service sends: its content policy, and no sniffing, framing,
 * referrer or caching of a page that may be opened with a key in the tab.
 */
export function securityHeaders(csp: string): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('content-security-policy', csp);
    c.header('x-content-type-options', 'nosniff');
    c.header('x-frame-options', 'DENY');
    c.header('referrer-policy', 'no-referrer');
    c.header('cache-control', 'no-cache');
  };
}

/** A CSP for a page with no script at all: its one inline stylesheet by hash, nothing else. */
export const staticPageCsp = (styleHash: string) =>
  [
    "default-src 'none'",
    `style-src '${styleHash}'`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
