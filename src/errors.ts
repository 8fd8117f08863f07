import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './app-env.js';
import { HttpError, NotFound, TooManyRequests, Unauthorized } from './domain/errors.js';
import { createRedactor } from './privacy/redact.js';

const TITLES: Partial<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
};

const typeFor = (status: number) => `https://nof1.dev/problems/${status}`;

/** What a client can do about an error the framework raised with no words of its own. */
const HINTS: Partial<Record<number, string>> = {
  415: 'send the body as JSON, with Content-Type: application/json',
};

// The last line of defence: whatever a message says, personal data it quotes (an email given as a suite
// name, an SSN given as an id) leaves redacted. Messages should not quote client values to begin with.
const redactor = createRedactor();
const MAX_DETAIL = 500;
const shown = (text: string) => redactor.text(text.slice(0, MAX_DETAIL));

function problem(c: Context<AppEnv>, err: HttpError) {
  const body = {
    type: typeFor(err.status),
    title: err.title,
    status: err.status,
    // A 500's detail is this module's own text with the request id, which must stay readable.
    detail: err.status >= 500 ? err.message : shown(err.message),
    instance: c.get('requestId'),
    ...(err.errors
      ? { errors: err.errors.slice(0, 50).map((e) => ({ path: shown(e.path), message: shown(e.message) })) }
      : {}),
  };
  return c.body(JSON.stringify(body), err.status as ContentfulStatusCode, {
    'content-type': 'application/problem+json',
    ...(err instanceof TooManyRequests ? { 'retry-after': String(err.retryAfter) } : {}),
    // RFC 9110 §15.5.2: a 401 names the scheme that would be accepted.
    ...(err instanceof Unauthorized ? { 'www-authenticate': 'Bearer realm="nof1"' } : {}),
  });
}

/** The one error path: typed errors become problem+json; nothing internal (stack, SQL) leaves. */
export function onError(err: Error, c: Context<AppEnv>) {
  if (err instanceof HttpError) return problem(c, err);
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    return problem(
      c,
      new HttpError(
        status,
        TITLES[status] ?? 'Error',
        HINTS[status] ?? (err.message || TITLES[status] || 'request failed'),
      ),
    );
  }
  c.get('logger')?.error({ err: { name: err.name }, requestId: c.get('requestId') }, 'unhandled error');
  return problem(c, new HttpError(500, 'Internal Server Error', `internal error (request ${c.get('requestId')})`));
}

export function notFound(c: Context<AppEnv>) {
  // The path is the client's own text (an email used as an id): it goes back redacted, decoded first
  // so that an address written with %40 is still seen.
  const path = new URL(c.req.url).pathname;
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // a malformed escape is shown as sent
  }
  return problem(c, new NotFound(`no route for ${c.req.method} ${decoded}`));
}
