import { request } from 'node:http';

export type HeldRequest = {
  /** Settles once the server has parsed the headers and is waiting for the body (100 Continue). */
  accepted: Promise<void>;
  /** Sends the body; the answer follows. */
  release(): void;
  answer: Promise<{ status: number; body: string }>;
};

/**
 * A POST whose body is held back until release(): with `Expect: 100-continue` the server says when
 * it has taken the request, so a test knows the request is in flight without waiting on a clock.
 */
export function heldPost(url: string, headers: Record<string, string>, body: string): HeldRequest {
  let accept!: () => void;
  let refuse!: (err: Error) => void;
  const accepted = new Promise<void>((resolve, reject) => {
    accept = resolve;
    refuse = reject;
  });
  const req = request(url, {
    method: 'POST',
    agent: false,
    headers: {
      ...headers,
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      expect: '100-continue',
    },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
    req.on('error', (err) => {
      refuse(err);
      reject(err);
    });
  });
  req.on('continue', () => accept());
  req.flushHeaders();
  return { accepted, release: () => req.end(body), answer };
}
