import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposeAnswer } from '../../src/domain/compose.js';
import { compose, composeBody, subjectId } from '../support/compose-requests.js';
import { KEYS, startTestService, type TestService } from '../support/service.js';
import { launchBrowser, type TestBrowser } from './browser.js';
import { openRun, signIn, textOf, watchErrors } from './console-page.js';

let svc: TestService;
let browser: TestBrowser;
let adverse: ComposeAnswer;
let crisis: ComposeAnswer;
let overdueCase: string;

const chat = (id: string, text: string) =>
  composeBody(id, [{ type: 'chat_message', at: '2026-11-21T09:00:00Z', data: { text } }]);
const caseOf = async (runId: string) =>
  (
    (await (await svc.call('GET', `/v1/safety/cases?runId=${runId}`, { key: 'safety' })).json()) as {
      cases: Array<{ id: string }>;
    }
  ).cases[0]!.id;

beforeAll(async () => {
  [svc, browser] = await Promise.all([startTestService(), launchBrowser()]);
  adverse = await compose(
    svc,
    chat(subjectId('ui-ae'), 'This is Rosalind Featherstonehaugh. After my Lumenzo shot I broke out in hives'),
    'needs_review',
  );
  crisis = await compose(svc, chat(subjectId('ui-crisis'), "I don't want to live anymore"), 'needs_review');
  const late = await compose(svc, chat(subjectId('ui-late'), 'The pen arrived warm and cloudy'), 'needs_review');
  overdueCase = await caseOf(late.id);
  // A case detected two days ago is past its 24 h due time.
  await svc.pool.query(
    `UPDATE safety_cases SET detected_at = now() - interval '48 hours', due_by = now() - interval '24 hours',
       created_at = created_at - interval '48 hours' WHERE id = $1`,
    [overdueCase],
  );
});
afterAll(async () => {
  await browser?.close();
  await svc?.close();
});

describe('safety in the reviewer console', () => {
  it('shows a crisis hold with the subject’s words at once and a plain statement of what to do', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await signIn(page, svc.url, KEYS.reviewer);
    await openRun(page, `#queue-body tr[data-review-id="${crisis.review!.id}"] a`);
    // Not folded away: visible without opening anything.
    expect(await page.locator('#subject-words').isVisible()).toBe(true);
    expect(await textOf(page, '#subject-words')).toMatch(/want to live anymore/);
    expect(await textOf(page, '#reviewer-todo')).toMatch(/What you must do: .*crisis procedure.*988/s);
    await page.close();
    expect(errors).toEqual([]);
  });

  it('redacts names in an adverse event’s words and says a case was opened', async () => {
    const page = await browser.context.newPage();
    await signIn(page, svc.url, KEYS.reviewer);
    await openRun(page, `#queue-body tr[data-review-id="${adverse.review!.id}"] a`);
    const words = await textOf(page, '#subject-words');
    expect(words).toMatch(/hives/);
    expect(words).not.toMatch(/Rosalind|Featherstonehaugh/);
    expect(await textOf(page, '#reviewer-todo')).toMatch(/safety case was opened .*24 hours/);
    await page.close();
  });

  it('lets a safety officer list cases with kind, status, due time and overdue flag, and move one on', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await signIn(page, svc.url, KEYS.safety);
    // A safety-only key starts at the safety cases.
    await page.locator('#cases-body tr').nth(1).waitFor();
    const row = (id: string) => page.locator(`#cases-body tr[data-case-id="${id}"]`);
    const late = await row(overdueCase).locator('td').allTextContents();
    expect(late.slice(0, 2)).toEqual(['product complaint', 'open']);
    expect(late[5]).toBe('overdue');
    const aeCase = await caseOf(adverse.id);
    const cells = await row(aeCase).locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['adverse event', 'open', 'Lumenzo']);
    expect(cells[5]).toBe('no');
    await page.screenshot({ path: 'test/.tmp/review-console-safety-cases.png', fullPage: true });

    await row(aeCase).getByRole('button', { name: 'Open' }).click();
    expect(await textOf(page, '#case-narrative')).toMatch(/hives/);
    expect(await page.getByRole('button', { name: 'Close' }).isDisabled()).toBe(true);
    await page.getByLabel('Note').fill('Called the patient back');
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.locator('#case-title', { hasText: 'acknowledged' }).waitFor();
    await page.getByLabel('Report reference').fill('PV-2026-0099');
    await page.getByRole('button', { name: 'Mark reported' }).click();
    await page.locator('#case-title', { hasText: 'reported' }).waitFor();
    expect(await textOf(page, '#case-history')).toMatch(
      /acknowledge by .*Called the patient back.*report by .*PV-2026-0099/s,
    );
    expect(await page.getByRole('button', { name: 'Acknowledge' }).isDisabled()).toBe(true);
    expect((await row(aeCase).locator('td').allTextContents())[1]).toBe('reported');
    expect(errors).toEqual([]);
    await page.close();
  });
});
