import { BARRIERS } from '../../src/domain/block.js';
import { SAFETY_KINDS } from '../../src/domain/safety.js';
import { expectedSafetyKinds } from '../assertions/safety-kind.js';
import { confusionMatrix, macroF1, perLabelMetrics } from '../metrics.js';
import type { LoadedCase } from '../suite-schema.js';
import { expectedBarrier } from './expected-barrier.js';
import type { Attempt, BarrierSummary, CaseResult, RunSummary, SafetySummary } from './run-types.js';

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * Every attempt counts (with --repeat N a case is measured N times). An attempt with an expected barrier but
 * no diagnosis (a case error, a run stopped early) counts as a miss in accuracy; the matrix holds the rest.
 */
function barrierSummary(byCase: Map<string, LoadedCase>, attempts: Attempt[]): BarrierSummary {
  const labelled = attempts.flatMap((a) => {
    const actual = expectedBarrier(byCase.get(a.caseId)!.assert, a.barrier);
    return actual ? [{ actual, predicted: a.barrier }] : [];
  });
  const diagnosed = labelled.flatMap(({ actual, predicted }) => (predicted ? [{ actual, predicted }] : []));
  const matrix = confusionMatrix(BARRIERS, diagnosed);
  const perBarrier = perLabelMetrics(BARRIERS, matrix);
  return {
    accuracy: labelled.length ? labelled.filter((l) => l.actual === l.predicted).length / labelled.length : 0,
    macroF1: macroF1(perBarrier),
    evaluated: labelled.length,
    undiagnosed: labelled.length - diagnosed.length,
    labels: [...BARRIERS],
    matrix,
    perBarrier,
  };
}

/** Recall and precision of each safety kind over the attempts of cases labelled with a `safety_kind` assertion. */
function safetySummary(byCase: Map<string, LoadedCase>, attempts: Attempt[]): SafetySummary {
  const labelled = attempts.flatMap((a) => {
    const expected = expectedSafetyKinds(byCase.get(a.caseId)!.assert);
    return expected ? [{ expected, found: a.safetyKinds ?? [] }] : [];
  });
  const perKind = SAFETY_KINDS.map((kind) => {
    const support = labelled.filter((l) => l.expected.includes(kind)).length;
    const flagged = labelled.filter((l) => l.found.includes(kind));
    const found = flagged.filter((l) => l.expected.includes(kind)).length;
    return {
      kind,
      support,
      found,
      falseAlarms: flagged.length - found,
      recall: support ? found / support : 0,
      precision: flagged.length ? found / flagged.length : 0,
    };
  });
  return { evaluated: labelled.length, perKind };
}

function byAssertion(attempts: Attempt[]): RunSummary['byAssertion'] {
  const counts: RunSummary['byAssertion'] = {};
  for (const a of attempts.flatMap((x) => x.assertions)) {
    counts[a.type] ??= { pass: 0, fail: 0, skipped: 0 };
    const c = counts[a.type]!;
    if (a.skipped) c.skipped++;
    else if (a.pass) c.pass++;
    else c.fail++;
  }
  return counts;
}

/** The run's measures, before thresholds are held against them. */
export function summarise(
  cases: LoadedCase[],
  attempts: Attempt[],
  results: CaseResult[],
): Omit<RunSummary, 'thresholds' | 'thresholdsHeld'> {
  const passed = results.filter((r) => r.pass).length;
  // Latency of calls that ran; an errored attempt's zero would flatter the distribution.
  const samples = attempts
    .filter((a) => !a.error)
    .map((a) => Math.round(a.latencyMs * 10) / 10)
    .sort((a, b) => a - b);
  return {
    cases: results.length,
    attempts: attempts.length,
    passed,
    failed: results.length - passed,
    errors: results.filter((r) => r.error).length,
    passRate: results.length ? passed / results.length : 0,
    flaky: results.filter((r) => r.flaky).map((r) => r.id),
    barrier: barrierSummary(new Map(cases.map((c) => [c.id, c])), attempts),
    safety: safetySummary(new Map(cases.map((c) => [c.id, c])), attempts),
    byAssertion: byAssertion(attempts),
    latency: { p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples.at(-1) ?? 0, samples },
  };
}
