import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, startTestService, type TestService } from '../support/service.js';
import { launchBrowser, type TestBrowser } from './browser.js';
import { localInputValue, openRun, signIn, textOf, watchErrors } from './console-page.js';
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

// Markup in a reviewer's note is data: it must show as typed and never run.
const HOSTILE_NOTE = 'Rejected <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> & done';

describe('reviewer console: trace search and audit', () => {
  it('finds a decided run by time, status and barrier; its timeline shows the note as text', async () => {
    const held = await composeHeldRun(svc.url);
    const res = await svc.call('POST', `/v1/reviews/${held.reviewId}/decision`, {
      key: 'reviewer',
      body: { decision: 'reject', note: HOSTILE_NOTE },
    });
    expect(res.status).toBe(200);
    const { review } = (await res.json()) as { review: { note: string; diagnosis: { barrier: string } } };
    expect(review.note).toContain('<script>'); // the redactor kept it, so the page really receives markup

    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await signIn(page, svc.url, KEYS.reviewer);
    await page.getByRole('link', { name: 'Trace search' }).click();
    await page.getByLabel('From').fill(await localInputValue(page, -60));
    await page.getByLabel('To').fill(await localInputValue(page, 60));
    await page.getByLabel('Status').selectOption('blocked');
    await page.getByLabel('Barrier').selectOption(review.diagnosis.barrier);
    await page.getByRole('button', { name: 'Search' }).click();

    const row = page.locator(`#search-body tr[data-trace-id="${held.traceId}"]`);
    await row.waitFor();
    expect(await row.locator('td').nth(1).textContent()).toBe('blocked');
    await openRun(page, `#search-body tr[data-trace-id="${held.traceId}"] a`);

    expect(await textOf(page, '#decision-record .note')).toBe(review.note);
    expect(await textOf(page, '[data-node="human_review"] .note')).toBe(review.note);
    expect(await page.locator('#view-run img, #view-run script').count()).toBe(0);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await textOf(page, '#chain')).toMatch(/chain intact/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says so when a trace record was edited in the store', async () => {
    const held = await composeHeldRun(svc.url);
    await svc.pool.query(
      `UPDATE trace_records SET record = jsonb_set(record, '{output,verdict}', '"pass (edited)"')
       WHERE trace_id = $1 AND record->>'node' = 'check_compliance'`,
      [held.traceId],
    );
    const page = await browser.context.newPage();
    await signIn(page, svc.url, KEYS.reviewer);
    await page.locator(`#queue-body tr[data-review-id="${held.reviewId}"]`).waitFor();
    await page.goto(`${svc.url}/review#/run/${held.traceId}`);
    await page.locator('#view-run ol.timeline > li').first().waitFor();
    expect(await textOf(page, '#chain')).toMatch(/chain broken.*step 5/);
    await page.close();
  });

  it('renders a held run readably (screenshot kept in test/.tmp/review-console.png)', async () => {
    const held = await composeHeldRun(svc.url);
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await signIn(page, svc.url, KEYS.reviewer);
    await page.locator(`#queue-body tr[data-review-id="${held.reviewId}"]`).waitFor();
    await page.screenshot({ path: 'test/.tmp/review-console-queue.png' });
    await openRun(page, `#queue-body tr[data-review-id="${held.reviewId}"] a`);
    await page.screenshot({ path: 'test/.tmp/review-console.png', fullPage: true });

    const png = await readFile('test/.tmp/review-console.png');
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.readUInt32BE(16)).toBe(1280); // IHDR width: the viewport
    expect(png.readUInt32BE(20)).toBeGreaterThan(900); // full page: the timeline runs below the fold
    expect(png.length).toBeGreaterThan(50_000); // a blank or unstyled page compresses far smaller
    expect(errors).toEqual([]);
    await page.close();
  });
});
