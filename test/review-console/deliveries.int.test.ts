import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drain, expectOk, refillEvents, setUpLoop } from '../support/loop-setup.js';
import { KEYS, startTestService, type TestService } from '../support/service.js';
import { startReceiver } from '../support/webhook-receiver.js';
import { launchBrowser, type TestBrowser } from './browser.js';
import { signIn, watchErrors } from './console-page.js';

let svc: TestService;
let browser: TestBrowser;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let up = false;

beforeAll(async () => {
  [svc, browser, receiver] = await Promise.all([
    startTestService({ NOF1_JOBS: '0', NOF1_WEBHOOK_ALLOW_LOCALHOST: '1', NOF1_WEBHOOK_MAX_ATTEMPTS: '1' }),
    launchBrowser(),
    startReceiver(() => (up ? 200 : 500)),
  ]);
  await setUpLoop(svc, { subjects: ['pt-console-1'], settings: { webhookUrl: receiver.url } });
  await expectOk(
    svc.call('POST', '/v1/events', { key: 'client', body: { events: refillEvents(['pt-console-1'], 'c') } }),
    202,
  );
  await drain(svc);
});
afterAll(async () => {
  await browser?.close();
  await svc?.close();
  await receiver?.close();
});

describe('Deliveries view in the reviewer console', () => {
  it('lists a dead letter with its last answer, and sends it again on request', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await signIn(page, svc.url, KEYS.reviewer);
    await page.getByRole('link', { name: 'Deliveries' }).click();
    const row = page.locator('#deliveries-body tr').first();
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells[0]).toBe('lumenzo-adherence');
    expect(cells[2]).toBe('1');
    expect(cells[3]).toBe('HTTP 500');
    up = true;
    await row.getByRole('button', { name: 'Send again' }).click();
    await page.locator('#deliveries-empty:not([hidden])').waitFor();
    await drain(svc);
    expect(receiver.received).toHaveLength(2);
    expect(errors).toEqual([]);
    await page.close();
  });
});
