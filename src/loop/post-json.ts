import http from 'node:http';
import https from 'node:https';
import { guardedLookup, type UrlPolicy } from './webhook-url.js';

export type PostResult = { status: number | null; error: string | null };

/**
 * POSTs a body and reports the status, never following a redirect (a receiver that moved must be
 * re-registered, not guessed). The connection goes only to addresses the policy allows.
 */
export function postJson(
  url: URL,
  body: string,
  headers: Record<string, string>,
  opts: { policy: UrlPolicy; timeoutMs: number },
): Promise<PostResult> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        agent: false,
        lookup: guardedLookup(opts.policy) as never,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
        timeout: opts.timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? null, error: null }));
        res.on('error', (err) => resolve({ status: res.statusCode ?? null, error: err.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${opts.timeoutMs} ms`)));
    req.on('error', (err) => resolve({ status: null, error: err.message.slice(0, 200) }));
    req.end(body);
  });
}
