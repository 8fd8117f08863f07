import { POLICY_NAMES } from '../evals/simulator/sim-policies.js';
import { simulate } from '../evals/simulator/simulate.js';
import { printRatio, printTable } from './support/report.js';
import { mean } from './support/stats.js';
import { seconds, timed } from './support/timer.js';

const SEEDS = [1, 2, 3, 4, 5];
const SUBJECTS = 1_000;
const DAYS = 90;

const ci = ([lo, hi]: [number, number], digits = 4) => `[${lo.toFixed(digits)}, ${hi.toFixed(digits)}]`;

/**
 * The issue-14 comparison: every policy on the same 1,000 simulated subjects per seed, 90 days, five
 * seeds. Prints what `nof1 simulate --seed S --json` gives for each seed, and the targets.
 */
export default async function run() {
  const rows: Array<Array<string | number>> = [
    ['seed', 'none', 'table', 'learning', 'oracle', 'share L', 'share T', 'L−T PDC', 'L−T msgs', 'L−T opt-outs'],
  ];
  const shares: number[] = [];
  const tableShares: number[] = [];
  const checks: Array<{ share: boolean; beats: boolean; messages: boolean; optOuts: boolean }> = [];
  let simSeconds = 0;
  for (const seed of SEEDS) {
    const { ms, result } = await timed(async () =>
      simulate({ program: 'bench', seed, subjects: SUBJECTS, days: DAYS, policies: [...POLICY_NAMES] }),
    );
    simSeconds += seconds(ms);
    const p = result.policies;
    const share = result.comparisons.shareOfOracleUplift!;
    const diff = result.comparisons.learningMinusTable!;
    shares.push(share.learning!.value);
    tableShares.push(share.table!.value);
    checks.push({
      share: share.learning!.value >= 0.9,
      beats: diff.pdc.ci[0] > 0,
      messages: p.learning!.messagesPerSubject <= p.table!.messagesPerSubject,
      optOuts: p.learning!.optOuts <= p.table!.optOuts,
    });
    rows.push([
      String(seed),
      p.none!.pdc.toFixed(4),
      p.table!.pdc.toFixed(4),
      p.learning!.pdc.toFixed(4),
      p.oracle!.pdc.toFixed(4),
      `${share.learning!.value.toFixed(3)} ${ci(share.learning!.ci, 3)}`,
      share.table!.value.toFixed(3),
      `${diff.pdc.value.toFixed(4)} ${ci(diff.pdc.ci)}`,
      `${diff.messagesPerSubject.value.toFixed(2)} ${ci(diff.messagesPerSubject.ci, 2)}`,
      `${diff.optOuts.value} ${ci(diff.optOuts.ci, 0)}`,
    ]);
    const regret = POLICY_NAMES.map((n) => `${n} ${p[n]!.regret.toFixed(3)}`).join(', ');
    const opt = POLICY_NAMES.map((n) => `${n} ${p[n]!.optOuts}`).join(', ');
    const msgs = POLICY_NAMES.map((n) => `${n} ${p[n]!.messagesPerSubject.toFixed(2)}`).join(', ');
    const at80 = POLICY_NAMES.map((n) => `${n} ${p[n]!.pdcAtLeast80.toFixed(3)}`).join(', ');
    console.log(
      `seed ${seed}: regret/subject ${regret}\n  opt-outs ${opt}\n  messages/subject ${msgs}\n  PDC≥0.8 ${at80}`,
    );
  }
  printTable(
    `${SUBJECTS} subjects × ${DAYS} days per seed, all policies on the same subjects and draws (PDC at day ${DAYS}; 95% paired bootstrap CIs)`,
    rows,
  );
  console.log(`simulation + bootstrap: ${(simSeconds / SEEDS.length).toFixed(1)} s per seed`);
  printRatio('PDC uplift over none learning/table (mean over seeds)', mean(shares) / mean(tableShares));
  const all = (k: keyof (typeof checks)[number]) => `${checks.filter((c) => c[k]).length}/${checks.length} seeds`;
  console.log(
    `TARGET learning ≥ 90% of oracle uplift by day ${DAYS}: ${all('share')} (mean share ${mean(shares).toFixed(3)})`,
  );
  console.log(`TARGET learning − table PDC CI excludes zero (above): ${all('beats')}`);
  console.log(`TARGET learning messages/subject ≤ table: ${all('messages')}`);
  console.log(`TARGET learning opt-outs ≤ table: ${all('optOuts')}`);
}
