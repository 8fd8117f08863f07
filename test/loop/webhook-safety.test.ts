import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../src/loop/backoff.js';
import { signatureHeader, verifySignature } from '../../src/loop/webhook-signature.js';
import { checkWebhookUrl, forbiddenAddress } from '../../src/loop/webhook-url.js';

const STRICT = { allowLocal: false };
const DEV = { allowLocal: true };

describe('webhook URL validation', () => {
  it.each([
    ['http://hooks.example.com/x', 'use https'],
    ['https://user:pw@hooks.example.com/x', 'credentials'],
    ['https://169.254.169.254/latest/meta-data', 'metadata'],
    ['https://[fd00:ec2::254]/', 'metadata'],
    ['https://metadata.google.internal/computeMetadata/v1', 'metadata'],
    ['https://10.0.0.5/hook', 'private'],
    ['https://192.168.1.10/hook', 'private'],
    ['https://172.16.0.1/hook', 'private'],
    ['https://169.254.10.10/hook', 'linkLocal'],
    ['https://127.0.0.1/hook', 'loopback'],
    ['https://[::1]/hook', 'loopback'],
    ['https://[::ffff:10.0.0.1]/hook', 'private'],
    ['https://localhost/hook', 'local host'],
    ['ftp://hooks.example.com/x', 'https'],
    ['not a url', 'not a URL'],
  ])('refuses %s', (url, why) => {
    const r = checkWebhookUrl(url, STRICT);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toContain(why);
  });

  it('accepts public https, and plain http to localhost only when development allows it', () => {
    expect(checkWebhookUrl('https://hooks.example.com/nof1', STRICT).ok).toBe(true);
    expect(checkWebhookUrl('http://127.0.0.1:9000/hook', DEV).ok).toBe(true);
    expect(checkWebhookUrl('http://localhost:9000/hook', DEV).ok).toBe(true);
    expect(checkWebhookUrl('http://hooks.example.com/x', DEV).ok).toBe(false);
    expect(checkWebhookUrl('https://169.254.169.254/', DEV).ok).toBe(false);
  });

  it('judges resolved addresses the same way (checked again when connecting)', () => {
    expect(forbiddenAddress('93.184.216.34', STRICT)).toBeNull();
    expect(forbiddenAddress('127.0.0.1', STRICT)).toContain('loopback');
    expect(forbiddenAddress('127.0.0.1', DEV)).toBeNull();
    expect(forbiddenAddress('169.254.169.254', DEV)).toContain('metadata');
    expect(forbiddenAddress('0.0.0.0', STRICT)).not.toBeNull();
  });
});

describe('webhook signatures', () => {
  const body = '{"runId":"msg_1"}';
  it('verifies the exact body within the tolerance, and nothing else', () => {
    const t = 1_800_000_000;
    const header = signatureHeader(['whsec_a'], body, t);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature(header, body, 'whsec_a', { nowSec: t + 10 })).toBe(true);
    expect(verifySignature(header, `${body} `, 'whsec_a', { nowSec: t })).toBe(false);
    expect(verifySignature(header, body, 'whsec_b', { nowSec: t })).toBe(false);
    expect(verifySignature(header, body, 'whsec_a', { nowSec: t + 301 })).toBe(false);
    expect(verifySignature(header.replace('t=1800000000', 't=1800000100'), body, 'whsec_a', { nowSec: t + 100 })).toBe(
      false,
    );
    expect(verifySignature(undefined, body, 'whsec_a')).toBe(false);
  });

  it('signs with both secrets while a rotation overlaps', () => {
    const header = signatureHeader(['whsec_new', 'whsec_old'], body, 1_800_000_000);
    for (const s of ['whsec_new', 'whsec_old']) {
      expect(verifySignature(header, body, s, { nowSec: 1_800_000_000 })).toBe(true);
    }
  });
});

describe('retry backoff', () => {
  it('doubles per attempt with jitter between half and all of the step, up to the cap', () => {
    expect(backoffMs(1, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffMs(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffMs(4, 1000, 60_000, () => 1)).toBe(8000);
    expect(backoffMs(20, 1000, 60_000, () => 1)).toBe(60_000);
  });
});
