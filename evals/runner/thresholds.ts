import type { ScopedThreshold, Threshold } from '../suite-schema.js';
import type { RunSummary, ThresholdResult } from './run-types.js';

type Measured = Omit<RunSummary, 'thresholds' | 'thresholdsHeld'>;

/** The metric's value, or why it has none (a threshold on an assertion that never ran must not hold by default). */
function measure(t: Threshold, s: Measured): number | string {
  switch (t.metric) {
    case 'barrier_accuracy':
      return s.barrier.evaluated ? s.barrier.accuracy : 'no case has a barrier assertion';
    case 'barrier_macro_f1':
      return s.barrier.evaluated ? s.barrier.macroF1 : 'no case has a barrier assertion';
    case 'pass_rate':
      return s.cases ? s.passRate : 'no case of this scope ran';
    case 'assertion_pass_rate': {
      const counts = t.assertion ? s.byAssertion[t.assertion] : total(s);
      const judged = counts ? counts.pass + counts.fail : 0;
      return judged ? counts!.pass / judged : `no ${t.assertion ?? 'assertion'} result was judged`;
    }
    case 'safety_recall':
    case 'safety_precision': {
      const k = s.safety.perKind.find((x) => x.kind === t.kind);
      if (!s.safety.evaluated || !k) return 'no case has a safety_kind assertion';
      if (t.metric === 'safety_recall') return k.support ? k.recall : `no case is labelled ${t.kind}`;
      return k.found + k.falseAlarms ? k.precision : `${t.kind} was never found`;
    }
    case 'assertion_failures':
      return (t.assertion ? s.byAssertion[t.assertion] : total(s))?.fail ?? 0;
  }
}

function total(s: Measured) {
  const all = Object.values(s.byAssertion);
  return {
    pass: sum(all.map((c) => c.pass)),
    fail: sum(all.map((c) => c.fail)),
    skipped: sum(all.map((c) => c.skipped)),
  };
}
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** A threshold's name as reports print it: `pass_rate[tag=crisis]`, `no_pii failures[suite=readability]`. */
export function thresholdLabel(t: { metric: string; assertion?: string; kind?: string; tag?: string; suite?: string }) {
  const scope = [t.suite ? `suite=${t.suite}` : '', t.tag ? `tag=${t.tag}` : ''].filter(Boolean).join(',');
  const of = t.assertion ?? t.kind;
  return `${t.metric}${of ? `(${of})` : ''}${scope ? `[${scope}]` : ''}`;
}

/**
 * Each suite threshold against the run: held when the value is within its min and max. A scoped threshold
 * (a tag, or the suite a composed suite took it from) is measured on its own cases: `measured` answers
 * the measures of any scope.
 */
export function evaluateThresholds(
  thresholds: ScopedThreshold[],
  measured: Measured | ((scope: { tag?: string; suite?: string }) => Measured),
): ThresholdResult[] {
  return thresholds.map((t) => {
    const s = typeof measured === 'function' ? measured({ tag: t.tag, suite: t.suite }) : measured;
    const value = measure(t, s);
    const bounds = { ...(t.min === undefined ? {} : { min: t.min }), ...(t.max === undefined ? {} : { max: t.max }) };
    const scope = { ...(t.tag ? { tag: t.tag } : {}), ...(t.suite ? { suite: t.suite } : {}) };
    const named = {
      metric: t.metric,
      ...(t.assertion ? { assertion: t.assertion } : {}),
      ...(t.kind ? { kind: t.kind } : {}),
      ...scope,
      ...bounds,
    };
    if (typeof value === 'string') return { ...named, actual: null, held: false, note: value };
    const held = (t.min === undefined || value >= t.min) && (t.max === undefined || value <= t.max);
    return { ...named, actual: value, held };
  });
}
