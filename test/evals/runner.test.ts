import { describe, expect, it } from 'vitest';
import { CaseError } from '../../evals/runner/case-target.js';
import { runSuite } from '../../evals/runner/run-suite.js';
import { blockedAnswer, composeAnswer } from './fixtures/compose-answer.js';
import { fakeSuite, fakeTarget } from './support/runner-suites.js';

const withBarrier = (barrier: 'cost' | 'trust' | 'access') =>
  composeAnswer(undefined, { diagnosis: { barrier, confidence: 0.8, evidence: [], alternatives: [] } });

describe('runSuite with a fake target', () => {
  it('judges each case, summarises by barrier and assertion, and holds the thresholds against it', async () => {
    const suite = fakeSuite(
      [
        {
          id: 'a',
          assert: [
            { type: 'barrier', value: 'cost' },
            { type: 'status', value: 'approved' },
          ],
        },
        { id: 'b', assert: [{ type: 'barrier', value: 'trust' }] },
        { id: 'c', assert: [{ type: 'barrier', value: 'access' }] },
        { id: 'd', assert: [{ type: 'rule_failed', rule: 'consent' }] },
      ],
      [
        { metric: 'barrier_accuracy', min: 0.6 },
        { metric: 'assertion_failures', assertion: 'rule_failed', max: 0 },
        { metric: 'pass_rate', min: 0.9 },
      ],
    );
    const answers = {
      a: withBarrier('cost'),
      b: withBarrier('trust'),
      c: withBarrier('cost'),
      d: blockedAnswer('consent'),
    };
    const { target, stats } = fakeTarget((id) => answers[id as keyof typeof answers]);
    const { cases, summary } = await runSuite(suite, {}, { createTarget: async () => target });

    expect(cases.map((c) => [c.id, c.pass, c.status, c.barrier, c.expectedBarrier])).toEqual([
      ['a', true, 'approved', 'cost', 'cost'],
      ['b', true, 'approved', 'trust', 'trust'],
      ['c', false, 'approved', 'cost', 'access'],
      ['d', true, 'blocked', 'cost', undefined],
    ]);
    expect(cases[2]!.assertions[0]).toMatchObject({
      type: 'barrier',
      pass: false,
      reason: expect.stringContaining('access'),
    });
    expect(summary.barrier.accuracy).toBeCloseTo(2 / 3);
    const label = (l: string) => summary.barrier.labels.indexOf(l as never);
    expect(summary.barrier.matrix[label('access')]![label('cost')]).toBe(1);
    expect(summary.barrier.perBarrier.find((m) => m.label === 'cost')).toMatchObject({ precision: 0.5, recall: 1 });
    expect(summary.byAssertion).toEqual({
      barrier: { pass: 2, fail: 1, skipped: 0 },
      status: { pass: 1, fail: 0, skipped: 0 },
      rule_failed: { pass: 1, fail: 0, skipped: 0 },
    });
    expect(summary.passRate).toBe(0.75);
    expect(summary.latency).toMatchObject({ p50: 10, p95: 10, samples: [10, 10, 10, 10] });
    expect(summary.thresholds.map((t) => [t.metric, t.actual, t.held])).toEqual([
      ['barrier_accuracy', 2 / 3, true],
      ['assertion_failures', 0, true],
      ['pass_rate', 0.75, false],
    ]);
    expect(summary.thresholdsHeld).toBe(false);
    expect(stats.closed).toBe(true);
  });

  it('records a case that cannot run as its error, counted failed, and runs the others', async () => {
    const suite = fakeSuite([
      { id: 'ok', assert: [{ type: 'status', value: 'approved' }] },
      { id: 'http', assert: [{ type: 'barrier', value: 'cost' }] },
      { id: 'boom', assert: [] },
    ]);
    const { target } = fakeTarget((id) =>
      id === 'http'
        ? new CaseError('POST /v1/compose answered HTTP 403')
        : id === 'boom'
          ? new Error('graph exploded')
          : composeAnswer(),
    );
    const { cases, summary } = await runSuite(suite, {}, { createTarget: async () => target });
    expect(cases.map((c) => [c.id, c.pass, c.error])).toEqual([
      ['ok', true, undefined],
      ['http', false, 'POST /v1/compose answered HTTP 403'],
      ['boom', false, 'the case failed to run: graph exploded'],
    ]);
    expect(summary).toMatchObject({ errors: 2, failed: 2, passed: 1 });
    // An errored case with a barrier label is a miss, not left out of accuracy.
    expect(summary.barrier).toMatchObject({ evaluated: 1, undiagnosed: 1, accuracy: 0 });
    expect(summary.latency.samples).toHaveLength(1);
  });

  it('flags a case whose answers differ between repeats as flaky, and only that one', async () => {
    const suite = fakeSuite([
      { id: 'steady', assert: [{ type: 'status', value: 'approved' }] },
      { id: 'wobbly', assert: [{ type: 'barrier', value: 'cost' }] },
    ]);
    const { target, stats } = fakeTarget((id, n) =>
      id === 'wobbly' && n % 2 === 0 ? withBarrier('trust') : withBarrier('cost'),
    );
    const { cases, summary } = await runSuite(suite, { repeat: 3 }, { createTarget: async () => target });
    expect(summary.flaky).toEqual(['wobbly']);
    expect(summary.attempts).toBe(6);
    const wobbly = cases.find((c) => c.id === 'wobbly')!;
    expect(wobbly).toMatchObject({ pass: false, attempts: 3 });
    expect(wobbly.flaky!.map((v) => [v.count, v.barrier, v.failed])).toEqual([
      [2, 'cost', []],
      [1, 'trust', ['barrier']],
    ]);
    expect(cases.find((c) => c.id === 'steady')).toMatchObject({ pass: true, attempts: 3 });
    expect(cases.find((c) => c.id === 'steady')!.flaky).toBeUndefined();
    // Every attempt composes for its own subject, so one repeat's message is not in the next one's history.
    expect(new Set(stats.requests.map((r) => r.subject.id)).size).toBe(6);
  });

  it('runs only the filtered tags, at most `concurrency` at once, and stops scheduling when aborted', async () => {
    const suite = fakeSuite(
      Array.from({ length: 8 }, (_, i) => ({ id: `c${i}`, tags: [i % 2 ? 'odd' : 'even'], assert: [] })),
    );
    const filtered = fakeTarget(() => composeAnswer(), 5);
    const run = await runSuite(
      suite,
      { filterTags: ['odd'], concurrency: 3 },
      { createTarget: async () => filtered.target },
    );
    expect(run.cases.map((c) => c.id)).toEqual(['c1', 'c3', 'c5', 'c7']);
    expect(filtered.stats.maxInFlight).toBe(3);

    const stop = new AbortController();
    const progress: number[] = [];
    const aborted = fakeTarget(() => composeAnswer(), 5);
    const partial = await runSuite(
      suite,
      {
        concurrency: 1,
        signal: stop.signal,
        onProgress: (p) => {
          progress.push(p.done);
          if (p.done === 2) stop.abort();
        },
      },
      { createTarget: async () => aborted.target },
    );
    expect(progress).toEqual([1, 2]);
    expect(partial.cases.map((c) => c.id)).toEqual(['c0', 'c1']);
    expect(aborted.stats.closed).toBe(true);
  });

  it('refuses a repeat or concurrency below one', async () => {
    const { target } = fakeTarget(() => composeAnswer());
    await expect(runSuite(fakeSuite([]), { repeat: 0 }, { createTarget: async () => target })).rejects.toThrow(
      /repeat/,
    );
  });
});
