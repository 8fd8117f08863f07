import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposeAnswer } from '../../src/domain/compose.js';
import { compose, REQUESTS, subjectId } from '../support/compose-requests.js';
import { KEYS, startTestService, type TestService } from '../support/service.js';
import { launchBrowser, type TestBrowser } from './browser.js';
import { openRun, signIn, textOf, watchErrors } from './console-page.js';

let svc: TestService;
let browser: TestBrowser;
const ids = { low: subjectId('fh-low'), crisis: subjectId('fh-crisis'), capped: subjectId('fh-capped') };
let low: ComposeAnswer;
let crisis: ComposeAnswer;
let capped: ComposeAnswer;

beforeAll(async () => {
  [svc, browser] = await Promise.all([startTestService(), launchBrowser()]);
  low = await compose(svc, REQUESTS.lowConfidence(ids.low), 'needs_review');
  // Crisis language with a name in it: the reviewer must read the words, with the name redacted.
  crisis = await compose(
    svc,
    REQUESTS.crisis(ids.crisis, 'This is Marguerite Okonkwo-Bell. I want to end it all, nothing helps anymore'),
    'needs_review',
  );
  // A held run whose message fails a rule: the clinician programme's cap is 0, and a safety finding (an
  // adverse event a clinician reports) still reaches a person. (Crisis language gets no programme message.)
  const cap = { frequencyCap: 0, frequencyWindowDays: 7 };
  expect((await svc.call('PUT', '/v1/programs/lumenzo-hcp/settings', { key: 'strategist', body: cap })).status).toBe(
    200,
  );
  capped = await compose(
    svc,
    {
      subject: { id: ids.capped, audience: 'hcp', consents: { email: true } },
      program: 'lumenzo-hcp',
      channel: 'email',
      signals: [{ type: 'chat_message', data: { text: 'my patient broke out in hives after her Lumenzo dose' } }],
    },
    'needs_review',
  );
  expect(capped.compliance.checks.find((c) => c.rule === 'frequency')?.passed).toBe(false);
});
afterAll(async () => {
  await browser?.close();
  await svc?.close();
});

describe('the queue, for a reviewer', () => {
  it('puts safety holds first with programme and subject columns, and filters by reason', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await signIn(page, svc.url, KEYS.reviewer);
    await page.locator('#queue-body tr').nth(2).waitFor();
    const rows = await page
      .locator('#queue-body tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const titles = await page.locator('#queue-body tr td:first-child strong').allTextContents();
    expect(titles.map((t) => t.replace(/^safety /, ''))).toEqual([
      'Crisis language',
      'Possible adverse event',
      'Low confidence',
    ]);
    expect(rows[2]!.slice(1, 3)).toEqual(['lumenzo-adherence', ids.low]);
    expect(rows.map((r) => r[2])).toEqual(expect.arrayContaining([ids.crisis, ids.capped]));
    await page.screenshot({ path: 'test/.tmp/review-console-queue-safety.png' });

    await page.getByLabel('Why held').selectOption('low_confidence');
    await page.locator('#queue-body tr').nth(1).waitFor({ state: 'detached' });
    expect(await page.locator('#queue-body tr').getAttribute('data-review-id')).toBe(low.review!.id);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works at 400 px: no sideways scrolling, each value labelled (screenshot test/.tmp/review-console-400.png)', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 400, height: 800 });
    await signIn(page, svc.url, KEYS.reviewer);
    await page.locator('#queue-body tr').nth(2).waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(400);
    // The narrow layout drops the header row: each cell shows its column's name beside its value.
    expect(await page.locator('#queue-table thead').isHidden()).toBe(true);
    expect(await page.locator('#queue-body td[data-label="Programme"]').first().isVisible()).toBe(true);
    await page.screenshot({ path: 'test/.tmp/review-console-400.png', fullPage: true });
    await openRun(page, `#queue-body tr[data-review-id="${low.review!.id}"] a`);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(400);
    await page.screenshot({ path: 'test/.tmp/review-console-run-400.png', fullPage: true });
    const png = await readFile('test/.tmp/review-console-400.png');
    expect(png.readUInt32BE(16)).toBe(400);
    await page.close();
  });
});

describe('a held run, for a reviewer', () => {
  it("says why in plain words with the subject's redacted words, and shows each block's text", async () => {
    const page = await browser.context.newPage();
    await signIn(page, svc.url, KEYS.reviewer);
    await page.goto(`${svc.url}/review#/run/${crisis.traceId}`);
    await page.locator('#view-run ol.timeline > li').first().waitFor();
    const why = await textOf(page, '#view-run .why');
    expect(why).toMatch(/Crisis language: The subject may be at risk/);
    expect(why).toMatch(/Found in what the subject wrote \(signal 1\)/);
    expect(why).not.toMatch(/signals \[0\]\./);
    const words = await textOf(page, '#subject-words');
    expect(words).toMatch(/I want to end it all/);
    expect(words).not.toMatch(/Marguerite|Okonkwo/);
    const blocks = await page
      .locator('#message-blocks tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(blocks.map((b) => b[0])).toEqual(crisis.message!.blocks.map((b) => b.id));
    for (const [, , , text] of blocks) expect(crisis.message!.body).toContain(text!.slice(0, 25));
    await page.close();
  });

  it('shows the failing rules above the decision and asks before an approval that cannot send', async () => {
    const page = await browser.context.newPage();
    await signIn(page, svc.url, KEYS.reviewer);
    await page.goto(`${svc.url}/review#/run/${capped.traceId}`);
    await page.locator('#failing-rules').waitFor();
    expect(await textOf(page, '#failing-rules')).toMatch(/1 failing rule.*frequency: .*cap is reached/s);
    // The failing rules come before the decision buttons in the page.
    const order = await page.evaluate<number>(`(() => {
      const rules = document.getElementById('failing-rules');
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Approve');
      return rules.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING;
    })()`);
    expect(order).toBeTruthy();
    await page.screenshot({ path: 'test/.tmp/review-console-failing.png', fullPage: true });

    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.locator('#confirm-approve:not([hidden])').waitFor();
    expect(await textOf(page, '#confirm-approve')).toMatch(/cannot be sent/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.locator('#confirm-approve').isHidden()).toBe(true);
    const still = (await (await svc.call('GET', `/v1/reviews/${capped.review!.id}`, { key: 'reviewer' })).json()) as {
      status: string;
    };
    expect(still.status).toBe('pending');

    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByRole('button', { name: 'Approve anyway' }).click();
    await page.locator('#status', { hasText: 'the run is now blocked' }).waitFor();
    await page.close();
  });

  it('approves a sendable run without asking', async () => {
    const held = await compose(svc, REQUESTS.lowConfidence(subjectId('fh-sendable')), 'needs_review');
    const page = await browser.context.newPage();
    await signIn(page, svc.url, KEYS.reviewer);
    await page.goto(`${svc.url}/review#/run/${held.traceId}`);
    expect(await textOf(page, '#failing-rules')).toMatch(/all rules pass/);
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.locator('#status', { hasText: 'the run is now approved' }).waitFor();
    await page.close();
  });

  it("draws the run's path on the compiled graph: passed nodes, taken edges, where it stopped", async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await signIn(page, svc.url, KEYS.reviewer);
    await page.goto(`${svc.url}/review#/run/${low.traceId}`);
    await page.locator('#run-graph svg').waitFor();
    const states = Object.fromEntries(
      await page
        .locator('#run-graph g.node')
        .evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-graph-node'), g.getAttribute('data-state')])),
    );
    const graph = (await (await svc.call('GET', '/v1/graph', { key: 'reviewer' })).json()) as { nodes: string[] };
    expect(Object.keys(states).sort()).toEqual([...graph.nodes].sort());
    expect(states).toMatchObject({
      load_context: 'passed',
      check_compliance: 'passed',
      human_review: 'waiting',
      finalize: 'idle',
      __end__: 'idle',
    });
    const taken = await page
      .locator('#run-graph path.edge.taken')
      .evaluateAll((ps) => ps.map((p) => p.getAttribute('data-edge')));
    expect(taken).toEqual(expect.arrayContaining(['load_context→triage_safety', 'check_compliance→hold_for_review']));
    expect(taken).not.toContain('check_compliance→finalize');
    expect(await textOf(page, '#graph-caption')).toMatch(/stopped at human review, waiting for a person/);
    await page.locator('#run-graph').screenshot({ path: 'test/.tmp/review-console-graph.png' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("exports the run's trace as a JSON file", async () => {
    const page = await browser.context.newPage();
    await signIn(page, svc.url, KEYS.reviewer);
    await page.goto(`${svc.url}/review#/run/${low.traceId}`);
    await page.locator('#export-trace').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-trace').click()]);
    expect(download.suggestedFilename()).toBe(`${low.traceId}.json`);
    const file = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
      traceId: string;
      verification: { intact: boolean };
    };
    expect(file).toMatchObject({ traceId: low.traceId, verification: { intact: true } });
    await page.close();
  });
});

describe('trace search in the console', () => {
  it('finds runs by subject, block id, approval code and programme', async () => {
    const page = await browser.context.newPage();
    await signIn(page, svc.url, KEYS.reviewer);
    await page.goto(`${svc.url}/review#/search`);
    await page.locator('#search-program option[value="lumenzo-hcp"]').waitFor({ state: 'attached' });
    const shown = async () => {
      // The summary is rewritten once the rows are drawn: clear it, search, wait for it.
      await page.evaluate('document.getElementById("search-summary").textContent = ""');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.locator('#search-summary:not(:empty)').waitFor();
      return page.locator('#search-body tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-trace-id')));
    };
    await page.getByLabel('Subject reference').fill(ids.low);
    expect(await shown()).toEqual([low.traceId]);
    await page.getByLabel('Subject reference').fill('');
    await page.locator('#search-program').selectOption('lumenzo-hcp');
    expect(await shown()).toEqual([capped.traceId]);
    await page.locator('#search-program').selectOption('');
    const block = capped.message!.blocks.at(-1)!;
    await page.getByLabel('Block id').fill(block.id);
    expect(await shown()).toContain(capped.traceId);
    await page.getByLabel('Block id').fill('');
    await page.getByLabel('Approval code').fill(block.approvalCode);
    expect(await shown()).toContain(capped.traceId);
    await page.screenshot({ path: 'test/.tmp/review-console-search.png' });
    await page.close();
  });
});

describe('a hold on words a client sent under a field of its own naming', () => {
  it('shows the reviewer those words too, redacted', async () => {
    const signals = [
      { type: 'chat_message', data: { body: { lines: ['This is Odalys Penhallow.', 'I want to end my life'] } } },
    ];
    const held = await compose(
      svc,
      {
        subject: { id: subjectId('fh-body'), audience: 'patient', consents: { sms: true } },
        program: 'lumenzo-adherence',
        channel: 'sms',
        signals,
      },
      'needs_review',
    );
    const page = await browser.context.newPage();
    await signIn(page, svc.url, KEYS.reviewer);
    await page.goto(`${svc.url}/review#/run/${held.traceId}`);
    await page.locator('#view-run ol.timeline > li').first().waitFor();
    const words = await textOf(page, '#subject-words');
    expect(words).toMatch(/I want to end my life/);
    expect(words).not.toMatch(/Odalys|Penhallow/);
    await page.close();
  });
});
