import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../src/loop/webhook-signature.js';
import { drain, expectOk, LOOP_PROGRAM, refillEvents, setUpLoop } from '../support/loop-setup.js';
import { startTestService, type TestService } from '../support/service.js';
import { startReceiver } from '../support/webhook-receiver.js';

let svc: TestService;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let failing = true;
let secret: string;

beforeAll(async () => {
  svc = await startTestService({
    NOF1_JOBS: '0',
    NOF1_WEBHOOK_ALLOW_LOCALHOST: '1',
    NOF1_WEBHOOK_MAX_ATTEMPTS: '3',
    NOF1_WEBHOOK_BACKOFF_MS: '1',
  });
  receiver = await startReceiver(() => (failing ? 503 : 200));
  const settings = await setUpLoop(svc, { subjects: ['pt-retry-1'], settings: { webhookUrl: receiver.url } });
  secret = settings.webhookSecret as string;
});
afterAll(async () => {
  await svc?.close();
  await receiver?.close();
});

describe('webhook retries and dead letters', () => {
  it('retries a failing receiver with backoff, then dead-letters after the last try', async () => {
    await expectOk(
      svc.call('POST', '/v1/events', { key: 'client', body: { events: refillEvents(['pt-retry-1'], 'r') } }),
      202,
    );
    await drain(svc);
    expect(receiver.received).toHaveLength(3);
    const dead = await expectOk(svc.call('GET', '/v1/deliveries?status=dead', { key: 'reviewer' }));
    const letters = dead.deliveries as Array<{ id: string; attempts: number; lastStatus: number; status: string }>;
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ status: 'dead', attempts: 3, lastStatus: 503 });
  });

  it('sends a dead letter again on request, with the same delivery id so the receiver can drop a duplicate', async () => {
    const [letter] = (await expectOk(svc.call('GET', '/v1/deliveries', { key: 'reviewer' }))).deliveries as Array<{
      id: string;
    }>;
    failing = false;
    const retried = await expectOk(svc.call('POST', `/v1/deliveries/${letter!.id}/retry`, { key: 'reviewer' }));
    expect(retried.status).toBe('pending');
    await drain(svc);
    expect(receiver.received).toHaveLength(4);
    const ids = new Set(receiver.received.map((r) => r.headers['x-nof1-delivery']));
    expect([...ids]).toEqual([letter!.id]);
    const last = receiver.received.at(-1)!;
    expect(verifySignature(last.headers['x-nof1-signature'] as string, last.body, secret)).toBe(true);
    expect((await svc.call('POST', `/v1/deliveries/${letter!.id}/retry`, { key: 'reviewer' })).status).toBe(409);
    expect((await expectOk(svc.call('GET', '/v1/deliveries', { key: 'reviewer' }))).deliveries).toEqual([]);
  });

  it('refuses internal webhook URLs when settings are saved', async () => {
    const r = await svc.call('PUT', `/v1/programs/${LOOP_PROGRAM}/settings`, {
      key: 'strategist',
      body: { webhookUrl: 'https://169.254.169.254/latest/meta-data' },
    });
    expect(r.status).toBe(400);
    expect(JSON.stringify(await r.json())).toContain('metadata');
  });

  it('rotates the secret: the old one still verifies alongside the new during the overlap', async () => {
    const rotated = await expectOk(
      svc.call('POST', `/v1/programs/${LOOP_PROGRAM}/webhook-secret`, { key: 'strategist' }),
    );
    expect(rotated.webhookSecret).not.toBe(secret);
    const settings = await expectOk(svc.call('GET', `/v1/programs/${LOOP_PROGRAM}/settings`, { key: 'strategist' }));
    expect(JSON.stringify(settings)).not.toContain('whsec_');
    await expectOk(
      svc.call('POST', '/v1/events', { key: 'client', body: { events: refillEvents(['pt-retry-1'], 'r2') } }),
      202,
    );
    await drain(svc);
    const post = receiver.received.at(-1)!;
    for (const s of [secret, rotated.webhookSecret as string]) {
      expect(verifySignature(post.headers['x-nof1-signature'] as string, post.body, s)).toBe(true);
    }
  });
});
