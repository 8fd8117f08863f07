import { describe, expect, it } from 'vitest';
import { renderComparisonHtml } from '../../evals/report/comparison-html.js';
import { renderHtmlReport } from '../../evals/report/html-report.js';
import { compareRuns } from '../../evals/runner/compare-runs.js';
import { runSuite } from '../../evals/runner/run-suite.js';
import type { LoadedSuite } from '../../evals/suite-schema.js';
import type { ComposeAnswer } from '../../src/domain/compose.js';
import { composeAnswer } from './fixtures/compose-answer.js';
import { fakeSuite, fakeTarget, storedRun } from './support/runner-suites.js';

const ANSWER = 'my copay went up to 300 dollars';

/** Two cases whose request carries a survey answer; `b` must be approved. */
function suite(): LoadedSuite {
  const s = fakeSuite([
    { id: 'a', assert: [{ type: 'status', value: 'approved' }] },
    { id: 'b', assert: [{ type: 'status', value: 'approved' }] },
  ]);
  for (const c of s.cases)
    (c.request as { signals: unknown[] }).signals = [
      { type: 'refill_missed', data: { daysLate: 9 } },
      { type: 'survey_response', data: { question: 'Why?', answer: ANSWER } },
    ];
  return s;
}

async function run(answerFor: (id: string) => ComposeAnswer) {
  const { target } = fakeTarget((id) => answerFor(id));
  return storedRun(await runSuite(suite(), {}, { createTarget: async () => target }));
}

const blocked = (): ComposeAnswer => ({ ...composeAnswer(), status: 'blocked', message: null });

describe('HTML report cases', () => {
  it("shows each case's input, the message with its blocks' texts, and why an assertion failed, in one row", async () => {
    const r = await run((id) =>
      id === 'b' ? composeAnswer(['LZ-GREET-SMS', 'LZ-COST-01'], { status: 'needs_review' }) : composeAnswer(),
    );
    expect(r.results![1]!.input).toEqual([
      { signal: 1, type: 'refill_missed', text: '{"daysLate":9}' },
      { signal: 2, type: 'survey_response', text: `${ANSWER} · Q: Why?` },
    ]);
    expect(r.results![1]!.output?.blocks.map((b) => b.text)).toEqual([
      'Hi from the Lumenzo Support Program.',
      'Lumenzo savings may lower what you pay. Call 1-800-555-0142.',
    ]);
    const page = renderHtmlReport(r);
    const failedRow = page.slice(
      page.indexOf('<tr data-case="b"'),
      page.indexOf('</tr>', page.indexOf('<tr data-case="b"')),
    );
    expect(failedRow).toContain(ANSWER);
    expect(failedRow).toContain('Hi from the Lumenzo Support Program. Lumenzo savings may lower what you pay.');
    expect(failedRow).toContain('<code>LZ-COST-01</code>');
    expect(failedRow).toContain('Lumenzo savings may lower what you pay. Call 1-800-555-0142.');
    expect(failedRow).toMatch(/✗ <b>status<\/b>: status needs_review, expected approved/);
    // The passing case is there too, folded under the failures.
    expect(page).toMatch(/<details><summary>1 passed case<\/summary><table id="passed-cases"/);
  });
});

describe('comparison HTML', () => {
  it('puts a regressed case side by side: its input, both messages, and why it fails now', async () => {
    const base = await run(() => composeAnswer());
    const head = await run((id) => (id === 'b' ? blocked() : composeAnswer()));
    const c = compareRuns(base, head);
    expect(c.regressions.map((x) => x.id)).toEqual(['b']);
    const page = renderComparisonHtml(c, base, head);
    expect(page).not.toMatch(/<script|src=|href=/i);
    const section = page.slice(page.indexOf('<section class="card" data-case="b"'));
    expect(section).toContain(ANSWER);
    expect(section).toMatch(/base: <span class="badge pass">pass<\/span>/);
    expect(section).toMatch(/head: <span class="badge fail">fail<\/span>/);
    expect(section).toContain('no message (blocked)');
    expect(section).toContain('status blocked, expected approved');
    expect(page).not.toContain('id="suite-note"');
    head.config.suiteDigest = 'ffffffffffffffff';
    expect(renderComparisonHtml(compareRuns(base, head), base, head)).toContain('The suite changed between these runs');
  });
});
