import type { PosteriorConfig } from '../agents/learning/arm-posterior.js';
import { CONSERVATIVE } from '../agents/learning/conservative-config.js';
import { seededRandom } from '../agents/learning/seeded-random.js';
import { pairedBootstrap } from '../evals/simulator/bootstrap.js';
import { createLearningPolicy, type LearningLevers } from '../evals/simulator/learning-policy.js';
import { DEFAULT_PACING, drawPopulation, type PolicyRun, simulatePolicy } from '../evals/simulator/run-simulation.js';
import { simulate } from '../evals/simulator/simulate.js';
import { printTable } from './support/report.js';

const SEEDS = (process.env.NOF1_BENCH_SEEDS ?? '1,2,3').split(',').map(Number);
const SUBJECTS = 1_000;
const DAYS = 90;

/**
 * The learner as shipped, then with each lever (issue 14, branch learning-levers). The skip-arm weight,
 * skip-by-context and greedy variants were removed with their code; commit 45a0053 reproduces them.
 */
const VARIANTS: Array<[string, LearningLevers, PosteriorConfig?]> = [
  ['before this branch', { channelFromOpens: false }],
  ['channel from opens', { channelFromOpens: true }],
  [
    'channel from opens, SMS read assumed 0.7',
    { channelFromOpens: true, channelChoice: { programmeWeight: 10, assumedRead: { sms: 0.7 } } },
  ],
  [
    'channel from opens, SMS read assumed 0.95',
    { channelFromOpens: true, channelChoice: { programmeWeight: 10, assumedRead: { sms: 0.95 } } },
  ],
  ['channel from opens, programme weight 1000', { channelFromOpens: true }, { programmeWeight: 1000, designWeight: 2 }],
  // Issue 14, branch learning-conservative: the a-priori setting, then its one sensitivity variant (no budget).
  ['conservative (confidence 0.95, α 0.05)', { channelFromOpens: true, conservative: CONSERVATIVE }],
  ['conservative, evidence only (α 0)', { channelFromOpens: true, conservative: { confidence: 0.95, alpha: 0 } }],
];

/** The learner the variants are compared with, paired: channel from opens, Thompson sampling. */
const CURRENT: LearningLevers = { channelFromOpens: true };

/**
 * A variant minus the current learner on the same subjects and draws (95 % paired bootstrap): PDC,
 * messages per subject and opt-outs.
 */
function againstCurrent(seed: number, levers: LearningLevers, posterior?: PosteriorConfig) {
  const settings = { seed, subjects: SUBJECTS, days: DAYS, ...DEFAULT_PACING };
  const population = drawPopulation(seed, SUBJECTS, DAYS);
  const variant = simulatePolicy(population, createLearningPolicy(seed, posterior, levers), settings);
  const current = simulatePolicy(population, createLearningPolicy(seed, undefined, CURRENT), settings);
  const sum = (run: PolicyRun, idx: Int32Array, f: (s: PolicyRun['perSubject'][number]) => number) =>
    idx.reduce((t, i) => t + f(run.perSubject[i]!), 0);
  return pairedBootstrap(SUBJECTS, 1000, seededRandom(`${seed}:bootstrap`), (idx) => ({
    pdc: (sum(variant, idx, (s) => s.pdc) - sum(current, idx, (s) => s.pdc)) / idx.length,
    messages: (sum(variant, idx, (s) => s.messages) - sum(current, idx, (s) => s.messages)) / idx.length,
    optOuts: sum(variant, idx, (s) => Number(s.optedOut)) - sum(current, idx, (s) => Number(s.optedOut)),
  }));
}

const ci = ([lo, hi]: [number, number], digits = 4) => `[${lo.toFixed(digits)}, ${hi.toFixed(digits)}]`;

/**
 * The issue-14 comparison for each variant of the learner, seeds 1–3: the same figures as the
 * `simulator` bench (PDC, share of the oracle's uplift, learning − table with 95 % paired intervals,
 * messages, opt-outs, regret), on the same subjects and draws as the table.
 */
export default async function run() {
  const rows: Array<Array<string | number>> = [
    [
      'variant',
      'seed',
      'PDC',
      'share',
      'L−T PDC',
      'msgs/subj (table)',
      'opt-outs (table)',
      'regret (table)',
      'PDC − current',
      'msgs − current',
      'opt-outs − current',
    ],
  ];
  const only = process.env.NOF1_BENCH_VARIANTS?.split(',').map(Number);
  for (const [i, [name, levers, posterior]] of VARIANTS.entries()) {
    if (only && !only.includes(i)) continue;
    for (const seed of SEEDS) {
      const r = simulate({
        program: 'bench',
        seed,
        subjects: SUBJECTS,
        days: DAYS,
        policies: ['none', 'table', 'learning', 'oracle'],
        levers,
        ...(posterior ? { posterior } : {}),
      });
      const { learning, table } = r.policies;
      const share = r.comparisons.shareOfOracleUplift!.learning!;
      const diff = r.comparisons.learningMinusTable!.pdc;
      // The paired comparison with the current learner, for this branch's variants.
      const vs = levers.conservative ? againstCurrent(seed, levers, posterior) : undefined;
      const paired = (k: string, digits: number) =>
        vs ? `${vs[k]!.value.toFixed(digits)} ${ci(vs[k]!.ci, digits)}` : '—';
      rows.push([
        name,
        String(seed),
        learning!.pdc.toFixed(4),
        `${share.value.toFixed(3)} ${ci(share.ci, 3)}`,
        `${diff.value.toFixed(4)} ${ci(diff.ci)}`,
        `${learning!.messagesPerSubject.toFixed(2)} (${table!.messagesPerSubject.toFixed(2)})`,
        `${learning!.optOuts} (${table!.optOuts})`,
        `${learning!.regret.toFixed(3)} (${table!.regret.toFixed(3)})`,
        paired('pdc', 4),
        paired('messages', 2),
        paired('optOuts', 0),
      ]);
    }
  }
  printTable(
    `${SUBJECTS} subjects × ${DAYS} days, learner variants against the table (95 % paired bootstrap CIs)`,
    rows,
  );
}
