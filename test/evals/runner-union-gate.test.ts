import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runSuite } from '../../evals/runner/run-suite.js';
import { loadSuite } from '../../evals/suite-loader.js';
import { tempDir } from '../support/temp-dir.js';
import { composeAnswer } from './fixtures/compose-answer.js';
import { fakeSuite, fakeTarget } from './support/runner-suites.js';

const approved = composeAnswer();

describe('a gate on tagged cases', () => {
  it('fails on one crisis case even when the overall pass rate holds', async () => {
    const cases = Array.from({ length: 40 }, (_, i) => ({
      id: `c${i}`,
      tags: i === 7 ? ['crisis'] : i < 3 ? ['consent'] : [],
      assert: [{ type: 'status', value: 'approved' }],
    }));
    const suite = fakeSuite(cases, [
      { metric: 'pass_rate', min: 0.95 },
      { metric: 'pass_rate', tag: 'crisis', min: 1 },
      { metric: 'pass_rate', tag: 'consent', min: 1 },
    ]);
    // Only the crisis case gets an answer it should not: a message sent instead of a person deciding.
    const { target } = fakeTarget((id) => (id === 'c7' ? { ...approved, status: 'skipped' as const } : approved));
    const { summary } = await runSuite(suite, {}, { createTarget: async () => target });
    expect(summary.passRate).toBeCloseTo(39 / 40);
    expect(summary.thresholds.map((t) => [t.metric, t.tag, t.actual, t.held])).toEqual([
      ['pass_rate', undefined, 39 / 40, true],
      ['pass_rate', 'crisis', 0, false],
      ['pass_rate', 'consent', 1, true],
    ]);
    expect(summary.thresholdsHeld).toBe(false);
  });
});

describe('a suite made of suites', () => {
  async function write(dir: string, file: string, doc: unknown) {
    await writeFile(join(dir, file), stringify(doc));
    return join(dir, file);
  }
  const request = { subject: { audience: 'patient', consents: { sms: true } }, program: 'lumenzo-adherence' };

  it("gates on the union of its suites' thresholds, each held on that suite's cases", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'parts'));
    await write(join(dir, 'parts'), 'strict.yaml', {
      name: 'strict',
      defaults: { request: { ...request, channel: 'sms' } },
      thresholds: [{ metric: 'pass_rate', min: 1 }],
      cases: [{ id: 's1', request: { subject: { id: 's1' } }, assert: [{ type: 'status', value: 'approved' }] }],
    });
    await write(join(dir, 'parts'), 'lenient.yaml', {
      name: 'lenient',
      defaults: { request: { ...request, channel: 'email' } },
      thresholds: [{ metric: 'pass_rate', min: 0.5 }],
      cases: ['l1', 'l2', 'l3'].map((id) => ({
        id,
        request: { subject: { id } },
        assert: [{ type: 'status', value: 'approved' }],
      })),
    });
    const file = await write(dir, 'all.yaml', { name: 'all', suites: ['parts/strict.yaml', 'parts/lenient.yaml'] });
    const suite = await loadSuite(file);
    expect(suite.cases.map((c) => [c.id, c.suite, (c.request as { channel: string }).channel])).toEqual([
      ['s1', 'strict', 'sms'],
      ['l1', 'lenient', 'email'],
      ['l2', 'lenient', 'email'],
      ['l3', 'lenient', 'email'],
    ]);
    expect(suite.thresholds).toEqual([
      { metric: 'pass_rate', min: 1, suite: 'strict' },
      { metric: 'pass_rate', min: 0.5, suite: 'lenient' },
    ]);
    // 3 of 4 pass overall (75%), but the strict suite's one case fails: its gate, not the mean, decides.
    const { target } = fakeTarget((id) => (id === 's1' ? { ...approved, status: 'blocked' as const } : approved));
    const { summary } = await runSuite(suite, {}, { createTarget: async () => target });
    expect(summary.thresholds.map((t) => [t.suite, t.actual, t.held])).toEqual([
      ['strict', 0, false],
      ['lenient', 1, true],
    ]);
  });

  it('refuses a case id that two of its suites share', async () => {
    const dir = await tempDir();
    const part = (name: string) => ({
      name,
      defaults: { request: { ...request, channel: 'sms' } },
      cases: [{ id: 'same', request: { subject: { id: name } } }],
    });
    await write(dir, 'a.yaml', part('a'));
    await write(dir, 'b.yaml', part('b'));
    const file = await write(dir, 'both.yaml', { name: 'both', suites: ['a.yaml', 'b.yaml'] });
    await expect(loadSuite(file)).rejects.toThrow(/duplicate case id same/);
  });
});
