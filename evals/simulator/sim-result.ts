import { seededRandom } from '../../agents/learning/seeded-random.js';
import { type Estimate, pairedBootstrap } from './bootstrap.js';
import type { PolicyRun, SimSettings } from './run-simulation.js';
import type { PolicyName } from './sim-policies.js';

const METRICS = ['pdc', 'pdcAtLeast80', 'messagesPerSubject', 'optOuts', 'regret'] as const;
export type Metric = (typeof METRICS)[number];

type PolicySummary = Record<Metric, number> & { ci: Record<Metric, [number, number]> };
type DailySeries = { pdc: number[]; regret: number[]; messagesPerSubject: number[]; optOuts: number[] };

/** The contract's `nof1 simulate --json` answer, with intervals, comparisons and daily series added. */
export type SimResult = {
  metadata: SimSettings & {
    program: string;
    /** How far the programme departs from the table's ranking (0: the table is right on average). */
    programmeSpread: number;
    policies: PolicyName[];
    bootstrapResamples: number;
    confidence: 0.95;
  };
  policies: Partial<Record<PolicyName, PolicySummary>>;
  comparisons: {
    /** Learning minus the fixed table, paired over the same subjects. */
    learningMinusTable?: { pdc: Estimate; messagesPerSubject: Estimate; optOuts: Estimate; regret: Estimate };
    /** (policy PDC − none PDC) / (oracle PDC − none PDC) at the last day. */
    shareOfOracleUplift?: Partial<Record<PolicyName, Estimate>>;
  };
  daily: Partial<Record<PolicyName, DailySeries>>;
};

// Four decimals: enough for every figure reported, and the JSON stays byte-identical across runs.
const round = (x: number) => Math.round(x * 1e4) / 1e4;
const roundCi = ([lo, hi]: [number, number]): [number, number] => [round(lo), round(hi)];
const roundEstimate = (e: Estimate): Estimate => ({ value: round(e.value), ci: roundCi(e.ci) });

function metricsOf(run: PolicyRun, idx: Int32Array): Record<Metric, number> {
  let pdc = 0;
  let at80 = 0;
  let messages = 0;
  let optOuts = 0;
  let regret = 0;
  for (const i of idx) {
    const s = run.perSubject[i]!;
    pdc += s.pdc;
    at80 += s.pdc >= 0.8 ? 1 : 0;
    messages += s.messages;
    optOuts += s.optedOut ? 1 : 0;
    regret += s.regret;
  }
  const n = idx.length;
  return { pdc: pdc / n, pdcAtLeast80: at80 / n, messagesPerSubject: messages / n, optOuts, regret: regret / n };
}

function cumulative(xs: readonly number[], per: number, byDay = false): number[] {
  let sum = 0;
  return xs.map((x, d) => {
    sum += x;
    return round(sum / (per * (byDay ? d + 1 : 1)));
  });
}

export function summarise(runs: Partial<Record<PolicyName, PolicyRun>>, meta: SimResult['metadata']): SimResult {
  const names = meta.policies;
  const n = meta.subjects;
  const has = (p: PolicyName) => runs[p] !== undefined;
  const estimates = pairedBootstrap(n, meta.bootstrapResamples, seededRandom(`${meta.seed}:bootstrap`), (idx) => {
    const out: Record<string, number> = {};
    const m = Object.fromEntries(names.map((p) => [p, metricsOf(runs[p]!, idx)])) as Record<
      PolicyName,
      Record<Metric, number>
    >;
    for (const p of names) for (const k of METRICS) out[`${p}.${k}`] = m[p][k];
    if (has('learning') && has('table')) {
      for (const k of ['pdc', 'messagesPerSubject', 'optOuts', 'regret'] as const) {
        out[`learningMinusTable.${k}`] = m.learning[k] - m.table[k];
      }
    }
    if (has('none') && has('oracle')) {
      const oracleUplift = m.oracle.pdc - m.none.pdc;
      for (const p of names) out[`share.${p}`] = (m[p].pdc - m.none.pdc) / oracleUplift;
    }
    return out;
  });
  const policies: SimResult['policies'] = {};
  for (const p of names) {
    const value = (k: Metric) => estimates[`${p}.${k}`]!;
    policies[p] = {
      ...(Object.fromEntries(METRICS.map((k) => [k, round(value(k).value)])) as Record<Metric, number>),
      ci: Object.fromEntries(METRICS.map((k) => [k, roundCi(value(k).ci)])) as Record<Metric, [number, number]>,
    };
  }
  const comparisons: SimResult['comparisons'] = {};
  if (has('learning') && has('table')) {
    const e = (k: string) => roundEstimate(estimates[`learningMinusTable.${k}`]!);
    comparisons.learningMinusTable = {
      pdc: e('pdc'),
      messagesPerSubject: e('messagesPerSubject'),
      optOuts: e('optOuts'),
      regret: e('regret'),
    };
  }
  if (has('none') && has('oracle')) {
    comparisons.shareOfOracleUplift = Object.fromEntries(
      names.filter((p) => p !== 'none' && p !== 'oracle').map((p) => [p, roundEstimate(estimates[`share.${p}`]!)]),
    );
  }
  const daily: SimResult['daily'] = {};
  for (const p of names) {
    const d = runs[p]!.daily;
    daily[p] = {
      pdc: cumulative(d.covered, n, true),
      regret: cumulative(d.regret, n),
      messagesPerSubject: cumulative(d.messages, n),
      optOuts: cumulative(d.optOuts, 1),
    };
  }
  return { metadata: meta, policies, comparisons, daily };
}
