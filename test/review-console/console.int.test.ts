import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, startTestService, type TestService } from '../support/service.js';
import { launchBrowser, type TestBrowser } from './browser.js';
import { openRun, signIn, textOf } from './console-page.js';
import { composeHeldRun } from './held-run.js';

let svc: TestService;
let browser: TestBrowser;

beforeAll(async () => {
  [svc, browser] = await Promise.all([startTestService(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await svc?.close();
});

describe('reviewer console in headless Chromium', () => {
  it('refuses a wrong key and a key without the reviewer role, storing neither', async () => {
    const page = await browser.context.newPage();
    await signIn(page, svc.url, 'not-a-real-key');
    expect(await textOf(page, '#sign-in-error:not([hidden])')).toMatch(/not accepted/);
    expect(await page.locator('#app').isHidden()).toBe(true);
    expect(await page.evaluate('sessionStorage.length')).toBe(0);

    await page.getByLabel('Reviewer key').fill(KEYS.client);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#sign-in-error', { hasText: 'no reviewer role' }).waitFor();
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    await page.close();
  });

  it('shows a held run in the queue, its timeline, and takes an approval that empties it from the queue', async () => {
    const held = await composeHeldRun(svc.url);
    const page = await browser.context.newPage();
    await signIn(page, svc.url, KEYS.reviewer);

    // The queue says why the run waits, with the columns a reviewer triages on.
    const row = page.locator(`#queue-body tr[data-review-id="${held.reviewId}"]`);
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells[0]).toMatch(/^Low confidence/);
    expect(cells[1]).toBe('lumenzo-adherence');
    expect(cells[4]).toMatch(/^\d+%$/);
    expect(cells[5]).toBe('sms');

    await openRun(page, `#queue-body tr[data-review-id="${held.reviewId}"] a`);
    expect(page.url()).toContain(`#/run/${held.traceId}`);
    const nodes = await page
      .locator('#view-run ol.timeline > li')
      .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-node')));
    expect(nodes).toEqual([
      'load_context',
      'triage_safety',
      'diagnose_barrier',
      'plan_strategy',
      'assemble_message',
      'check_compliance',
      'hold_for_review',
    ]);
    expect(await textOf(page, '#view-run .why .reason')).toMatch(/Low confidence: The diagnosis was too uncertain/);
    expect(await textOf(page, '#chain')).toMatch(/chain intact · 7 records/);
    // Tool calls list the ids the content search answered with.
    expect(await textOf(page, '[data-node="assemble_message"]')).toMatch(/search_content → LZ-[A-Z-]+\d/);

    // Every block of the proposed message is shown with its MLR approval code, as the API states them.
    const review = (await (await svc.call('GET', `/v1/reviews/${held.reviewId}`, { key: 'reviewer' })).json()) as {
      message: { blocks: Array<{ id: string; approvalCode: string }> };
    };
    const shown = await page
      .locator('#message-blocks tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(shown.map(([id, , code]) => ({ id, code }))).toEqual(
      review.message.blocks.map((b) => ({ id: b.id, code: b.approvalCode })),
    );

    await page.getByLabel('Note (optional)').fill('Question block is right when the reason is unknown.');
    await page.getByRole('button', { name: 'Approve' }).click();

    await page.locator('#status', { hasText: `Approved ${held.reviewId}: the run is now approved.` }).waitFor();
    expect(page.url()).toMatch(/#\/queue$/);
    await row.waitFor({ state: 'detached' });

    const message = (await (await svc.call('GET', `/v1/messages/${held.id}`, { key: 'client' })).json()) as {
      status: string;
    };
    expect(message.status).toBe('approved');
    const decided = await (await svc.call('GET', `/v1/reviews/${held.reviewId}`, { key: 'reviewer' })).json();
    expect(decided).toMatchObject({ status: 'approved', note: 'Question block is right when the reason is unknown.' });
    await page.close();
  });

  it('signs out: the key is forgotten and the sign-in form is back', async () => {
    const page = await browser.context.newPage();
    await signIn(page, svc.url, KEYS.reviewer);
    await page.locator('#view-queue:not([hidden])').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(await page.evaluate("sessionStorage.getItem('nof1.reviewerKey')")).toBeNull();
    expect(await page.locator('#sign-in').isVisible()).toBe(true);
    expect(await page.locator('#app').isHidden()).toBe(true);
    await page.close();
  });
});
