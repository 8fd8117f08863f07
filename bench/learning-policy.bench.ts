import { performance } from 'node:perf_hooks';
import type { LearningAction } from '../agents/learning/learning-action.js';
import { createLearnerState, recordOutcome } from '../agents/learning/outcome-counts.js';
import { seededRandom } from '../agents/learning/seeded-random.js';
import { tableAction } from '../agents/learning/table-choice.js';
import { chooseAction } from '../agents/learning/thompson-choice.js';
import { BARRIER_PLAN } from '../agents/strategy/barrier-techniques.js';
import { type Barrier, CHANNELS } from '../src/domain/block.js';
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

/**
 * Wall and CPU ms of each call, measured one by one. On a loaded machine a call that spans the moment
 * the process is descheduled takes milliseconds of wall time without doing more work; CPU time shows
 * the call's own cost.
 */
function perCall(n: number, fn: (i: number) => unknown): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    fn(i);
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
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
  const us = (ms: number) => ms * 1000;
  const row = (label: string, t: { wall: number[]; cpu: number[] }) => [
    label,
    us(mean(t.wall)),
    us(percentile(t.wall, 50)),
    us(percentile(t.wall, 99)),
    us(mean(t.cpu)),
    us(percentile(t.cpu, 99)),
  ];
  printTable(
    `one choice, ${CHOICES} calls each; ${SUBJECTS} subjects, ${OUTCOMES} outcomes in the state, 9–13 allowed arms (µs)`,
    [
      ['choice', 'mean', 'p50', 'p99', 'cpu mean', 'cpu p99'],
      row('Thompson sampling + explanation', policyMs),
      row('baseline: design table', tableMs),
    ],
  );
  printRatio('choice mean policy/table', mean(policyMs.wall) / mean(tableMs.wall));
  printTarget('policy choice mean', mean(policyMs.wall), TARGET_MS, 'ms');
  printTarget('policy choice p99', percentile(policyMs.wall, 99), TARGET_MS, 'ms');
  printTarget('policy choice cpu p99', percentile(policyMs.cpu, 99), TARGET_MS, 'ms');
}
