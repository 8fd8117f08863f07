import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvalRun } from '../../evals/eval-store.js';
import { renderHtmlReport } from '../../evals/report/html-report.js';
import { runSuite } from '../../evals/runner/run-suite.js';
import { loadSuite } from '../../evals/suite-loader.js';
import { launchBrowser, type TestBrowser } from '../review-console/browser.js';
import { tempDir } from '../support/temp-dir.js';
import { storedRun, tinySuite, writeTinySuite } from './support/runner-suites.js';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

let browser: TestBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A real in-process run of the tiny suite plus a mislabelled cost case whose id is markup. */
async function realRun(dir: string): Promise<EvalRun> {
  const cost = tinySuite().cases[0]!;
  const mislabelled = {
    ...cost,
    id: HOSTILE,
    request: { ...cost.request, subject: { id: 's-2' } },
    assert: [{ type: 'barrier', value: 'trust' }],
  };
  const suite = await loadSuite(await writeTinySuite(dir, { extra: [mislabelled] }));
  return storedRun(await runSuite(suite), { suite: suite.name });
}

describe('HTML report in headless Chromium', () => {
  it('opens offline from a file and draws the confusion matrix, assertion pass rates and latency histogram', async () => {
    const dir = await tempDir();
    const run = await realRun(dir);
    const file = join(dir, 'report.html');
    await writeFile(file, renderHtmlReport(run));

    const page = await browser.context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(pathToFileURL(file).href);

    const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
    for (const chart of ['#confusion-matrix', '#assertion-pass-rates', '#latency-histogram'])
      expect((await box(chart)).width, chart).toBeGreaterThan(150);

    // Rows expected, columns diagnosed: the mislabelled case shows as trust → cost.
    const cells = await page
      .locator('#confusion-matrix g.cell')
      .evaluateAll((gs) =>
        gs.map(
          (g) =>
            `${g.getAttribute('data-expected')}→${g.getAttribute('data-predicted')}=${g.getAttribute('data-count')}`,
        ),
      );
    expect(cells.sort()).toEqual(['cost→cost=1', 'cost→trust=0', 'trust→cost=1', 'trust→trust=0']);
    const diagonal = await box('#confusion-matrix g.cell[data-expected="cost"][data-predicted="cost"] rect');
    expect(diagonal.width).toBeGreaterThan(20);

    const barrierBar = page.locator('#assertion-pass-rates g.bar[data-type="barrier"]');
    expect([await barrierBar.getAttribute('data-pass'), await barrierBar.getAttribute('data-fail')]).toEqual([
      '1',
      '1',
    ]);
    const [pass, fail] = [
      await box('g.bar[data-type="barrier"] rect.pass'),
      await box('g.bar[data-type="barrier"] rect.fail'),
    ];
    expect(pass.width).toBeCloseTo(fail.width, 0);
    expect(await page.locator('#assertion-pass-rates g.bar').count()).toBe(
      Object.keys(run.summary!.byAssertion).length,
    );

    const bins = await page
      .locator('#latency-histogram rect.bin')
      .evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('data-count'))));
    expect(bins).toHaveLength(12);
    expect(bins.reduce((a, b) => a + b, 0)).toBe(run.summary!.latency.samples.length);
    expect(await page.locator('#latency-histogram .marker-label').allTextContents()).toEqual([
      expect.stringMatching(/^p50 \d+ ms$/),
      expect.stringMatching(/^p95 \d+ ms$/),
    ]);

    // The hostile case id is shown as text in the failed-cases table and never runs.
    const row = page.locator('#failed-cases tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.locator('td').first().locator('code').textContent()).toBe(HOSTILE);
    expect(await page.locator('body img').count()).toBe(0);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();

    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
