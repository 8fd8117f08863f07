import { DEFAULT_PACING, drawPopulation, simulatePolicy } from '../evals/simulator/run-simulation.js';
import { createPolicy } from '../evals/simulator/sim-policies.js';
import { informedLearner } from './support/informed-learner.js';
import { printTable } from './support/report.js';
import { mean } from './support/stats.js';

const SEEDS = (process.env.NOF1_BENCH_SEEDS ?? '1,2,3').split(',').map(Number);
const SUBJECTS = 1_000;
const DAYS = 90;

/**
 * How much of the oracle's uplift any learner of techniques from outcomes could reach: a Bayesian
 * learner told everything but the subject's technique multipliers (bench/support/informed-learner.ts),
 * on the same subjects and draws as the table and the oracle.
 */
export default async function run() {
  const rows: Array<Array<string | number>> = [
    ['seed', 'policy', 'PDC', 'share of oracle uplift', 'msgs/subject', 'opt-outs'],
  ];
  for (const seed of SEEDS) {
    const settings = { seed, subjects: SUBJECTS, days: DAYS, ...DEFAULT_PACING };
    const population = drawPopulation(seed, SUBJECTS, DAYS);
    const run = (policy: Parameters<typeof simulatePolicy>[1]) => {
      const r = simulatePolicy(population, policy, settings).perSubject;
      return {
        pdc: mean(r.map((s) => s.pdc)),
        msgs: mean(r.map((s) => s.messages)),
        optOuts: r.filter((s) => s.optedOut).length,
      };
    };
    const none = run(createPolicy('none', seed));
    const oracle = run(createPolicy('oracle', seed));
    const policies: Array<[string, ReturnType<typeof run>]> = [
      ['table', run(createPolicy('table', seed))],
      ['informed, greedy', run(informedLearner('greedy', seed))],
      ['informed, Thompson', run(informedLearner('thompson', seed))],
      ['oracle', oracle],
    ];
    for (const [name, r] of policies) {
      const share = (r.pdc - none.pdc) / (oracle.pdc - none.pdc);
      rows.push([String(seed), name, r.pdc.toFixed(4), share.toFixed(3), r.msgs.toFixed(2), r.optOuts]);
    }
  }
  printTable(`${SUBJECTS} subjects × ${DAYS} days: a learner told everything but the technique multipliers`, rows);
}
