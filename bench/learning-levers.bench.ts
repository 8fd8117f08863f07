import type { PosteriorConfig } from '../agents/learning/arm-posterior.js';
import type { LearningLevers } from '../evals/simulator/learning-policy.js';
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
];

const ci = ([lo, hi]: [number, number], digits = 4) => `[${lo.toFixed(digits)}, ${hi.toFixed(digits)}]`;

/**
 * The issue-14 comparison for each variant of the learner, seeds 1–3: the same figures as the
 * `simulator` bench (PDC, share of the oracle's uplift, learning − table with 95 % paired intervals,
 * messages, opt-outs, regret), on the same subjects and draws as the table.
 */
export default async function run() {
  const rows: Array<Array<string | number>> = [
    ['variant', 'seed', 'PDC', 'share', 'L−T PDC', 'msgs/subj (table)', 'opt-outs (table)', 'regret (table)'],
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
      rows.push([
        name,
        String(seed),
        learning!.pdc.toFixed(4),
        `${share.value.toFixed(3)} ${ci(share.ci, 3)}`,
        `${diff.value.toFixed(4)} ${ci(diff.ci)}`,
        `${learning!.messagesPerSubject.toFixed(2)} (${table!.messagesPerSubject.toFixed(2)})`,
        `${learning!.optOuts} (${table!.optOuts})`,
        `${learning!.regret.toFixed(3)} (${table!.regret.toFixed(3)})`,
      ]);
    }
  }
  printTable(
    `${SUBJECTS} subjects × ${DAYS} days, learner variants against the table (95 % paired bootstrap CIs)`,
    rows,
  );
}
