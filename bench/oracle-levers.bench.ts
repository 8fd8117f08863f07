import { tableAction } from '../agents/learning/table-choice.js';
import { DEFAULT_PACING, drawPopulation, type PolicyRun, simulatePolicy } from '../evals/simulator/run-simulation.js';
import { bestAction, createPolicy, type Decision, type SimPolicy } from '../evals/simulator/sim-policies.js';
import { expectedSuccess } from '../evals/simulator/subject-response.js';
import { CHANNELS } from '../src/domain/block.js';
import { difference, hybridAction, hybridPolicy, type Levers } from './support/oracle-hybrids.js';
import { printTable } from './support/report.js';
import { mean, percentile } from './support/stats.js';

const SEED = Number(process.env.NOF1_BENCH_SEED ?? 1);
const SUBJECTS = 1_000;
const DAYS = 90;

const summary = (run: PolicyRun) => ({
  pdc: mean(run.perSubject.map((s) => s.pdc)),
  messages: mean(run.perSubject.map((s) => s.messages)),
  optOuts: run.perSubject.filter((s) => s.optedOut).length,
});

const HYBRIDS: Array<[string, Levers]> = [
  ['table + oracle skips', { skip: true, channel: false, technique: false }],
  ['table + oracle channel', { skip: false, channel: true, technique: false }],
  ['table + oracle technique', { skip: false, channel: false, technique: true }],
  ['table + oracle channel & technique', { skip: false, channel: true, technique: true }],
  ['table + oracle skips & channel', { skip: true, channel: true, technique: false }],
  ['table + oracle skips & technique', { skip: true, channel: false, technique: true }],
];

/** The table's run, noting at each decision how the oracle would differ and what each swap is worth. */
function tracedTable() {
  const rows: Array<{ d: Decision; kind: ReturnType<typeof difference>; gain: Record<string, number> }> = [];
  const policy: SimPolicy = {
    name: 'table',
    choose: (d) => {
      const table = tableAction(d.diagnosed, d.allowed);
      const oracle = bestAction(d);
      const p = (levers: Levers) => expectedSuccess(d.subject, d.ctx, hybridAction(d, levers));
      const base = expectedSuccess(d.subject, d.ctx, table);
      const gain = {
        all: oracle.p - base,
        ...Object.fromEntries(HYBRIDS.slice(0, 3).map(([name, levers]) => [name, p(levers) - base])),
      };
      rows.push({ d, kind: difference(table, oracle.action), gain });
      return table;
    },
  };
  return { policy, rows };
}

const q = (xs: number[]) =>
  `${mean(xs).toFixed(3)} (p10 ${percentile(xs, 10).toFixed(3)}, p90 ${percentile(xs, 90).toFixed(3)})`;

/**
 * Issue 14: where the oracle's PDC uplift over the fixed table comes from, on one seed. Hybrids (the
 * table with some of the oracle's choices) run on the same subjects and draws; the table's own run
 * records, per decision, how the oracle would differ and the expected success each swap adds.
 */
export default async function run() {
  const settings = { seed: SEED, subjects: SUBJECTS, days: DAYS, ...DEFAULT_PACING };
  const population = drawPopulation(SEED, SUBJECTS, DAYS);
  const none = summary(simulatePolicy(population, createPolicy('none', SEED), settings));
  const oracle = summary(simulatePolicy(population, createPolicy('oracle', SEED), settings));
  const traced = tracedTable();
  const table = summary(simulatePolicy(population, traced.policy, settings));
  const share = (pdc: number) => (pdc - none.pdc) / (oracle.pdc - none.pdc);
  const rows: Array<Array<string | number>> = [['policy', 'PDC', 'share of oracle uplift', 'msgs/subject', 'opt-outs']];
  const add = (name: string, s: ReturnType<typeof summary>) =>
    rows.push([name, s.pdc.toFixed(4), share(s.pdc).toFixed(3), s.messages.toFixed(2), s.optOuts]);
  add('none', none);
  add('table', table);
  for (const [name, levers] of HYBRIDS) add(name, summary(simulatePolicy(population, hybridPolicy(levers), settings)));
  add('oracle', oracle);
  printTable(`seed ${SEED}, ${SUBJECTS} subjects × ${DAYS} days: the table with the oracle's choices swapped in`, rows);

  const decisions = traced.rows;
  const kinds = ['same', 'skip', 'channel', 'technique', 'both'] as const;
  const total = decisions.reduce((s, r) => s + r.gain.all!, 0);
  const byKind: Array<Array<string | number>> = [
    ['oracle differs by', 'share of decisions', 'share of oracle gain', 'gain per such decision'],
  ];
  for (const k of kinds) {
    const these = decisions.filter((r) => r.kind === k);
    const gain = these.reduce((s, r) => s + r.gain.all!, 0);
    byKind.push([
      k,
      (these.length / decisions.length).toFixed(3),
      (gain / total).toFixed(3),
      (gain / (these.length || 1)).toFixed(4),
    ]);
  }
  printTable(
    `${decisions.length} decisions on the table's own run; expected success oracle − table summed ${total.toFixed(1)}`,
    byKind,
  );
  const swaps: Array<Array<string | number>> = [
    ['one swap on every decision', 'expected-success gain', 'share of oracle gain'],
  ];
  for (const [name] of HYBRIDS.slice(0, 3)) {
    const g = decisions.reduce((s, r) => s + r.gain[name]!, 0);
    swaps.push([name, g.toFixed(1), (g / total).toFixed(3)]);
  }
  printTable('expected success added by one kind of swap alone', swaps);

  const skips = decisions.filter((r) => r.kind === 'skip');
  const recentShare = [0, 1, 2].map((n) => {
    const all = decisions.filter((r) => r.d.ctx.recent === n).length;
    const skipped = skips.filter((r) => r.d.ctx.recent === n).length;
    return `recent ${n}: ${skipped}/${all} skipped`;
  });
  console.log(`oracle skips by messages in the last 7 days: ${recentShare.join('; ')}`);
  const bestSlot = skips.filter((r) => r.d.ctx.slot === r.d.subject.bestSlot).length;
  console.log(`oracle skips at the subject's best slot: ${bestSlot}/${skips.length}`);
  const channelRows = decisions.filter((r) => r.kind === 'channel' || r.kind === 'both');
  const noSms = channelRows.filter((r) => !r.d.subject.consents.includes('sms'));
  const channelGain = channelRows.reduce((s, r) => s + r.gain['table + oracle channel']!, 0);
  const noSmsGain = noSms.reduce((s, r) => s + r.gain['table + oracle channel']!, 0);
  console.log(
    `channel differs: ${channelRows.length} decisions, ${noSms.length} of them for subjects without SMS consent (${((100 * noSmsGain) / channelGain).toFixed(0)} % of the channel swap's gain)`,
  );
  const oracleChannel = (r: (typeof decisions)[number]) => {
    const a = bestAction(r.d).action;
    return a.kind === 'send' ? a.channel : 'skip';
  };
  const chosen = CHANNELS.map((c) => `${c} ${channelRows.filter((r) => oracleChannel(r) === c).length}`);
  console.log(`oracle's channel where it differs: ${chosen.join(', ')}`);

  const subjects = population.map((p) => p.params);
  const variation: Array<Array<string>> = [['hidden parameter', 'mean (p10, p90) over subjects']];
  for (const c of CHANNELS) variation.push([`read chance ${c}`, q(subjects.map((s) => s.read[c]))]);
  variation.push(['technique multiplier (any)', q(subjects.flatMap((s) => Object.values(s.technique)))]);
  variation.push(['responsiveness (log-odds)', q(subjects.map((s) => s.responsiveness))]);
  variation.push(['fatigue', q(subjects.map((s) => s.fatigue))]);
  variation.push(['annoyance (log-odds per recent message)', q(subjects.map((s) => s.annoyance))]);
  variation.push(['opt-out chance per message', q(subjects.map((s) => s.optOut))]);
  variation.push(['best slot (0,1,2)', q(subjects.map((s) => s.bestSlot))]);
  printTable('per-person variation of the hidden parameters', variation);
}
