import { performance } from 'node:perf_hooks';
import type { LearningAction } from '../agents/learning/learning-action.js';
import { createLearnerState, recordOutcome } from '../agents/learning/outcome-counts.js';
import { seededRandom } from '../agents/learning/seeded-random.js';
import { tableAction } from '../agents/learning/table-choice.js';
import { chooseAction } from '../agents/learning/thompson-choice.js';
import { BARRIER_PLAN } from '../agents/strategy/barrier-techniques.js';
import { type Barrier, CHANNELS } from '../src/content/block-schema.js';
import { printRatio, printTable, printTarget } from './support/report.js';
import { mean, percentile } from './support/stats.js';

const SUBJECTS = 2_000;
const OUTCOMES = 200_000;
const CHOICES = 20_000;
const WARM_UP = 2_000;
const TARGET_MS = 1;

const barriers = Object.keys(BARRIER_PLAN) as Array<Exclude<Barrier, 'none'>>;
/** Skip plus each table technique on each channel: 13 arms for forgetfulness, the largest set a caller passes. */
const allowedFor = (barrier: Exclude<Barrier, 'none'>): LearningAction[] => [
  { kind: 'skip' },
  ...BARRIER_PLAN[barrier].bcts.flatMap((technique) =>
    CHANNELS.map((channel): LearningAction => ({ kind: 'send', technique, channel })),
  ),
];

/** ms per call of each call, measured one by one. */
function perCall(n: number, fn: (i: number) => unknown): number[] {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    fn(i);
    ms.push(performance.now() - start);
  }
  return ms;
}

export default async function run() {
  const state = createLearnerState();
  const random = seededRandom('learning-policy-bench');
  for (let i = 0; i < OUTCOMES; i++) {
    const barrier = barriers[i % barriers.length]!;
    const allowed = allowedFor(barrier);
    const action = allowed[Math.floor(random() * allowed.length)]!;
    recordOutcome(state, { subject: `s${i % SUBJECTS}`, barrier, action, achieved: random() < 0.6 });
  }
  const call = (i: number) => {
    const barrier = barriers[i % barriers.length]!;
    return { barrier, allowed: allowedFor(barrier), subject: `s${(i * 7) % SUBJECTS}` };
  };
  const policy = (i: number) => chooseAction({ state, random, ...call(i) });
  const table = (i: number) => tableAction(call(i).barrier, call(i).allowed);
  perCall(WARM_UP, policy);
  perCall(WARM_UP, table);
  const policyMs = perCall(CHOICES, policy);
  const tableMs = perCall(CHOICES, table);
  const row = (label: string, ms: number[]) => [
    label,
    mean(ms) * 1000,
    percentile(ms, 50) * 1000,
    percentile(ms, 99) * 1000,
  ];
  printTable(
    `one choice, ${CHOICES} calls each; ${SUBJECTS} subjects, ${OUTCOMES} outcomes in the state, 9–13 allowed arms (µs)`,
    [
      ['choice', 'mean', 'p50', 'p99'],
      row('Thompson sampling + explanation', policyMs),
      row('baseline: design table', tableMs),
    ],
  );
  printRatio('choice mean policy/table', mean(policyMs) / mean(tableMs));
  printTarget('policy choice p99', percentile(policyMs, 99), TARGET_MS, 'ms');
}
