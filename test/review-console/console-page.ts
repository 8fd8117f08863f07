import type { Page } from 'playwright-core';

/** Opens the console and signs in by typing the key, as a reviewer would. */
export async function signIn(page: Page, baseUrl: string, key: string): Promise<void> {
  await page.goto(`${baseUrl}/review`);
  await page.getByLabel('Reviewer key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Text of an element once it has some; Playwright's waitFor gives a clear timeout if it never does. */
export async function textOf(page: Page, selector: string): Promise<string> {
  const el = page.locator(selector);
  await el.waitFor();
  return (await el.textContent()) ?? '';
}

/** Opens a run's timeline from a link in the current view and waits until its steps are drawn. */
export async function openRun(page: Page, linkSelector: string): Promise<void> {
  await page.locator(linkSelector).click();
  await page.locator('#view-run ol.timeline > li').first().waitFor();
}

/**
 * Script errors and CSP violations a page reports. Failed loads (the 401 of a wrong key) are expected
 * answers, not faults, so they are left out.
 */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) errors.push(`console: ${msg.text()}`);
  });
  return errors;
}

/** A datetime-local value in the browser's own zone, `minutes` from now. */
export function localInputValue(page: Page, minutes: number): Promise<string> {
  return page.evaluate((m) => {
    const d = new Date(Date.now() + m * 60_000);
    d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
    return d.toISOString().slice(0, 16);
  }, minutes);
}
