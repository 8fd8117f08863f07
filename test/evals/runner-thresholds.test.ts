import { describe, expect, it } from 'vitest';
import { percentile } from '../../evals/runner/summarise.js';
import { evaluateThresholds } from '../../evals/runner/thresholds.js';

const measured = {
  cases: 10,
  attempts: 10,
  passed: 9,
  failed: 1,
  errors: 0,
  passRate: 0.9,
  flaky: [],
  barrier: { accuracy: 0.86, macroF1: 0.8, evaluated: 10, undiagnosed: 0, labels: [], matrix: [], perBarrier: [] },
  byAssertion: {
    no_pii: { pass: 10, fail: 0, skipped: 0 },
    fair_balance: { pass: 8, fail: 2, skipped: 0 },
    llm_rubric: { pass: 0, fail: 0, skipped: 10 },
  },
  latency: { p50: 1, p95: 2, max: 3, samples: [] },
};

describe('thresholds', () => {
  it('holds when the value is within min and max, on the metric named', () => {
    const results = evaluateThresholds(
      [
        { metric: 'barrier_accuracy', min: 0.85 },
        { metric: 'barrier_macro_f1', min: 0.85 },
        { metric: 'assertion_failures', assertion: 'no_pii', max: 0 },
        { metric: 'assertion_failures', assertion: 'fair_balance', max: 0 },
        { metric: 'assertion_failures', max: 2 },
        { metric: 'assertion_pass_rate', assertion: 'fair_balance', min: 0.8, max: 0.8 },
        { metric: 'pass_rate', min: 0.9 },
      ],
      measured,
    );
    expect(results.map((r) => [r.metric, r.assertion, r.actual, r.held])).toEqual([
      ['barrier_accuracy', undefined, 0.86, true],
      ['barrier_macro_f1', undefined, 0.8, false],
      ['assertion_failures', 'no_pii', 0, true],
      ['assertion_failures', 'fair_balance', 2, false],
      ['assertion_failures', undefined, 2, true],
      ['assertion_pass_rate', 'fair_balance', 0.8, true],
      ['pass_rate', undefined, 0.9, true],
    ]);
  });

  it('does not hold a rate that has nothing to measure: a skipped or misspelt assertion is not a pass', () => {
    const results = evaluateThresholds(
      [
        { metric: 'assertion_pass_rate', assertion: 'llm_rubric', min: 0.5 },
        { metric: 'assertion_pass_rate', assertion: 'no_pi', min: 0.5 },
        { metric: 'barrier_accuracy', min: 0 },
      ],
      { ...measured, barrier: { ...measured.barrier, evaluated: 0 } },
    );
    expect(results.map((r) => [r.actual, r.held, r.note])).toEqual([
      [null, false, 'no llm_rubric result was judged'],
      [null, false, 'no no_pi result was judged'],
      [null, false, 'no case has a barrier assertion'],
    ]);
  });

  it('reads latency percentiles by nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(sorted, 50), percentile(sorted, 95), percentile([], 50), percentile([7], 95)]).toEqual([
      50, 95, 0, 7,
    ]);
  });
});
