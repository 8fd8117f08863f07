import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../evals/report/html-report.js';
import { renderJunit } from '../../evals/report/junit-report.js';
import { terminalSummary } from '../../evals/report/terminal-summary.js';
import { CaseError } from '../../evals/runner/case-target.js';
import { runSuite } from '../../evals/runner/run-suite.js';
import { blockedAnswer, composeAnswer } from './fixtures/compose-answer.js';
import { fakeSuite, fakeTarget, storedRun } from './support/runner-suites.js';

const EVIL = 'evil <script>window.__pwned=1</script> & "quoted"';

/** Two passing cases, one failing two assertions (its id hostile markup), one that could not run. */
async function mixedRun() {
  const suite = fakeSuite(
    [
      {
        id: 'ok-1',
        assert: [
          { type: 'status', value: 'approved' },
          { type: 'barrier', value: 'cost' },
        ],
      },
      { id: 'ok-2', assert: [{ type: 'status', value: 'approved' }] },
      {
        id: EVIL,
        assert: [
          { type: 'status', value: 'approved' },
          { type: 'barrier', value: 'trust' },
        ],
      },
      { id: 'broken', assert: [{ type: 'barrier', value: 'access' }] },
    ],
    [
      { metric: 'pass_rate', min: 0.9 },
      { metric: 'assertion_failures', assertion: 'no_pii', max: 0 },
    ],
  );
  const { target } = fakeTarget((id) =>
    id === 'broken'
      ? new CaseError('HTTP 500 \u0001 <oops> ]]>')
      : id.startsWith('evil')
        ? blockedAnswer('consent')
        : composeAnswer(),
  );
  return storedRun(await runSuite(suite, {}, { createTarget: async () => target }), { suite: 'mixed <suite>' });
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (n) => ['testsuite', 'testcase', 'property'].includes(n),
});

describe('JUnit report', () => {
  it('is well-formed XML with a testcase per case, failures listing failed assertions, errors for cases that could not run', async () => {
    const run = await mixedRun();
    const xml = renderJunit(run);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    const [cases, gates] = doc.testsuites.testsuite;
    expect(doc.testsuites).toMatchObject({ tests: '7', failures: '3', errors: '1' });
    expect(doc.testsuites.name).toBe('nof1 eval mixed <suite>: gate failed (pass_rate): 2 of 4 cases failed');
    expect(cases).toMatchObject({ name: 'mixed <suite>', tests: '4', failures: '1', errors: '1', skipped: '0' });
    expect(cases.properties.property).toContainEqual({ name: 'run', value: run.id });
    const byName = Object.fromEntries(cases.testcase.map((t: { name: string }) => [t.name, t]));
    expect(Object.keys(byName)).toEqual(['ok-1', 'ok-2', EVIL, 'broken']);
    expect(byName['ok-1'].failure).toBeUndefined();
    expect(byName[EVIL].failure.message).toBe('2 assertion(s) failed: status, barrier');
    expect(byName[EVIL].failure['#text']).toContain('status (status): status blocked, expected approved');
    expect(byName.broken.error).toMatchObject({ type: 'case_error', message: 'HTTP 500  <oops> ]]>' });
    expect(gates).toMatchObject({ name: 'mixed <suite>.thresholds', tests: '3', failures: '2' });
    expect(gates.testcase.map((t: { name: string; failure?: unknown }) => [t.name, Boolean(t.failure)])).toEqual([
      ['pass_rate', true],
      ['assertion_failures(no_pii)', false],
      ['gate failed (pass_rate): 2 of 4 cases failed', true],
    ]);
    expect(cases.properties.property).toContainEqual({ name: 'gate', value: 'failed' });
  });
});

describe('JUnit gate verdict', () => {
  it('tells "cases failed, gate held" apart from a failed gate', async () => {
    const { target } = fakeTarget((id) => (id === 'b' ? blockedAnswer('consent') : composeAnswer()));
    const suite = fakeSuite(
      ['a', 'b', 'c'].map((id) => ({ id, assert: [{ type: 'status', value: 'approved' }] })),
      [{ metric: 'pass_rate', min: 0.5 }],
    );
    const run = await storedRun(await runSuite(suite, {}, { createTarget: async () => target }));
    const doc = parser.parse(renderJunit(run));
    expect(doc.testsuites.name).toBe(`nof1 eval ${run.suite.name}: gate held: 1 of 3 cases failed`);
    const [cases, gates] = doc.testsuites.testsuite;
    expect(cases.failures).toBe('1');
    const gate = gates.testcase.at(-1);
    expect(gate.name).toBe('gate held: 1 of 3 cases failed');
    expect(gate.failure).toBeUndefined();
    expect(cases.properties.property).toContainEqual({ name: 'verdict', value: 'gate held: 1 of 3 cases failed' });
  });
});

describe('HTML report', () => {
  it('is one self-contained page: inline style and SVG, no script, nothing fetched, every value escaped', async () => {
    const html = renderHtmlReport(await mixedRun());
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|src=|href=|@import|url\(/i);
    expect(html).toContain('evil &lt;script&gt;window.__pwned=1&lt;/script&gt; &amp; &quot;quoted&quot;');
    expect(html).toContain('mixed &lt;suite&gt;');
    for (const id of ['confusion-matrix', 'assertion-pass-rates', 'latency-histogram', 'failed-cases', 'thresholds'])
      expect(html).toContain(`id="${id}"`);
  });

  it('says what is missing instead of drawing empty charts', async () => {
    const { target } = fakeTarget(() => new CaseError('down'));
    const run = await storedRun(
      await runSuite(fakeSuite([{ id: 'x', assert: [] }]), {}, { createTarget: async () => target }),
    );
    const html = renderHtmlReport(run);
    expect(html).toContain('No case has a <code>barrier</code> assertion.');
    expect(html).toContain('No call finished.');
    expect(html).not.toContain('id="latency-histogram"');
  });
});

describe('terminal summary', () => {
  it('leads with the counts, then tables by barrier and by assertion, failed cases and thresholds', async () => {
    const text = terminalSummary(await mixedRun());
    expect(text).toContain('cases 4 (4 attempts): 2 passed, 2 failed (1 errors) · pass rate 50.0%');
    expect(text).toContain('subject locales: en-US 4');
    expect(text).toMatch(/barrier\s+expected\s+precision\s+recall\s+F1/);
    expect(text).toMatch(/status\s+2\s+1\s+0\s+66\.7%/);
    expect(text).toContain('broken: HTTP 500');
    expect(text).toContain('thresholds FAILED:');
    expect(text).toMatch(/FAILED pass_rate ≥ 0.9: 0.5/);
  });
});
