import type { RandomSource } from '../../agents/learning/seeded-random.js';

/**
 * Common random numbers: every uniform a subject's days need is drawn once, before any policy runs,
 * and each policy reads the same ones. Two policies that act alike on a day get the same outcome, so
 * differences between policies come from their actions, not from luck.
 */
const DRAW = {
  barrier: 0,
  diagnosis: 1,
  misdiagnosis: 2,
  slot: 3,
  read: 4,
  target: 5,
  optOut: 6,
  /** Day 0 only: how many days of pills the subject holds at the start. */
  startSupply: 7,
} as const;
const PER_DAY = Object.keys(DRAW).length;

export type DayDraws = { at(day: number, what: keyof typeof DRAW): number };

export function drawDays(random: RandomSource, days: number): DayDraws {
  const u = new Float64Array(days * PER_DAY);
  for (let i = 0; i < u.length; i++) u[i] = random();
  return { at: (day, what) => u[day * PER_DAY + DRAW[what]]! };
}
