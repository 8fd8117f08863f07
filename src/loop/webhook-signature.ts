import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-nof1-signature';
/** How far a signature's time may be from the receiver's clock before it is taken for a replay. */
const DEFAULT_TOLERANCE_SEC = 300;

const hmac = (secret: string, t: number, body: string) =>
  createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');

/**
 * `t=<unix seconds>,v1=<hex>` with one v1 per active secret (two while a rotation overlaps), the HMAC-SHA256
 * of `<t>.<body>`: the time is signed too, so a captured post cannot be replayed later with a new one.
 */
export function signatureHeader(secrets: string[], body: string, t: number): string {
  return [`t=${t}`, ...secrets.map((s) => `v1=${hmac(s, t, body)}`)].join(',');
}

/** What a receiver runs: any v1 made with its secret over this exact body, at a time within the tolerance. */
export function verifySignature(
  header: string | undefined,
  body: string,
  secret: string,
  opts: { nowSec?: number; toleranceSec?: number } = {},
): boolean {
  if (!header) return false;
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t)) return false;
  const now = opts.nowSec ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - t) > (opts.toleranceSec ?? DEFAULT_TOLERANCE_SEC)) return false;
  const expected = Buffer.from(hmac(secret, t, body), 'hex');
  return parts
    .filter(([k, v]) => k === 'v1' && v && /^[0-9a-f]{64}$/.test(v))
    .some(([, v]) => timingSafeEqual(Buffer.from(v!, 'hex'), expected));
}
