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
  safety: {
    evaluated: 10,
    perKind: [
      { kind: 'crisis' as const, support: 4, found: 4, falseAlarms: 1, recall: 1, precision: 0.8 },
      { kind: 'adverse_event' as const, support: 3, found: 2, falseAlarms: 0, recall: 2 / 3, precision: 1 },
      { kind: 'product_complaint' as const, support: 0, found: 0, falseAlarms: 0, recall: 0, precision: 0 },
    ],
  },
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

  it('holds safety recall and precision per kind, and never on a kind nothing measured', () => {
    const results = evaluateThresholds(
      [
        { metric: 'safety_recall', kind: 'crisis', min: 1 },
        { metric: 'safety_precision', kind: 'crisis', min: 0.9 },
        { metric: 'safety_recall', kind: 'adverse_event', min: 0.95 },
        { metric: 'safety_recall', kind: 'product_complaint', min: 0.9 },
        { metric: 'safety_precision', kind: 'product_complaint', min: 0.9 },
      ],
      measured,
    );
    expect(results.map((r) => [r.metric, r.kind, r.actual, r.held])).toEqual([
      ['safety_recall', 'crisis', 1, true],
      ['safety_precision', 'crisis', 0.8, false],
      ['safety_recall', 'adverse_event', 2 / 3, false],
      ['safety_recall', 'product_complaint', null, false],
      ['safety_precision', 'product_complaint', null, false],
    ]);
  });

  it('reads latency percentiles by nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(sorted, 50), percentile(sorted, 95), percentile([], 50), percentile([7], 95)]).toEqual([
      50, 95, 0, 7,
    ]);
  });
});
