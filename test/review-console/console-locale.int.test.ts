import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, startTestService, type TestService } from '../support/service.js';
import { launchBrowser, type TestBrowser } from './browser.js';
import { openRun, signIn, textOf } from './console-page.js';

let svc: TestService;
let browser: TestBrowser;

beforeAll(async () => {
  [svc, browser] = await Promise.all([startTestService(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await svc?.close();
});

/** A Spanish-speaking subject's lone missed refill: too uncertain to act on, so held with a Spanish question. */
async function composeSpanishHeldRun() {
  const res = await svc.call('POST', '/v1/compose', {
    key: 'client',
    body: {
      subject: { id: `console-es-${process.pid}`, audience: 'patient', consents: { sms: true }, locale: 'es-US' },
      program: 'lumenzo-adherence',
      channel: 'sms',
      signals: [{ type: 'refill_missed', at: new Date().toISOString(), data: { daysLate: 9 } }],
    },
  });
  return (await res.json()) as { status: string; traceId: string; review: { id: string } };
}

describe('the reviewer console shows the locale', () => {
  it('in the queue and on the run, for a Spanish-speaking subject', async () => {
    const held = await composeSpanishHeldRun();
    expect(held.status).toBe('needs_review');
    const review = (await (await svc.call('GET', `/v1/reviews/${held.review.id}`, { key: 'reviewer' })).json()) as {
      locale: string;
    };
    expect(review.locale).toBe('es-US');

    const page = await browser.context.newPage();
    await signIn(page, svc.url, KEYS.reviewer);
    const row = page.locator(`#queue-body tr[data-review-id="${held.review.id}"]`);
    await row.waitFor();
    const headers = await page.locator('#queue-table thead th').allTextContents();
    const cells = await row.locator('td').allTextContents();
    expect(cells[headers.indexOf('Locale')]).toBe('es-US');

    await openRun(page, `#queue-body tr[data-review-id="${held.review.id}"] a`);
    expect(await textOf(page, '#run-locale')).toBe('es-US');
    // The proposed message is the Spanish clarifying question, read as a reviewer would read it.
    expect(await textOf(page, '#view-run .body')).toMatch(/^Hola, le saluda el Programa de Apoyo Lumenzo. ¿/);
    await page.close();
  });
});
