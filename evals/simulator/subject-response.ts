import type { LearningAction } from '../../agents/learning/learning-action.js';
import { BARRIER_PLAN } from '../../agents/strategy/barrier-techniques.js';
import { POPULATION, type SimBarrier, type SubjectParams } from './population.js';

/** What a day looks like for one subject when a message could be sent. */
export type DayContext = {
  weekend: boolean;
  /** 0 morning, 1 afternoon, 2 evening: when the triggered message would go out. */
  slot: number;
  /** Out of pills: the target behaviour today is a refill rather than a dose. */
  outOfSupply: boolean;
  /** Messages sent in the 7 days before today. */
  recent: number;
  /** Messages sent since the start. */
  total: number;
  /** Log-odds carried over from yesterday's message. */
  carry: number;
};

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Log-odds of today's target behaviour with no message. */
export function baseLogit(s: SubjectParams, ctx: DayContext): number {
  const P = POPULATION;
  return s.baselineLogit + (ctx.weekend ? P.weekendLogit : 0) + (ctx.outOfSupply ? P.refillShiftLogit : 0) + ctx.carry;
}

/** How well a technique fits a barrier on average: its rank effect in the table, or the mismatch effect. */
function techniqueFit(barrier: SimBarrier, technique: string): number {
  const rank = BARRIER_PLAN[barrier].bcts.indexOf(technique);
  return rank < 0 ? POPULATION.mismatchEffect : (POPULATION.rankEffect[rank] ?? POPULATION.mismatchEffect);
}

/** Log-odds added by a message that is read, on a day whose barrier is `barrier`; negative when it annoys. */
export function readUplift(s: SubjectParams, ctx: DayContext, technique: string, barrier: SimBarrier): number {
  const P = POPULATION;
  const timing = ctx.slot === s.bestSlot ? P.slotEffect.best : P.slotEffect.other;
  const habituation = Math.exp(-ctx.total / P.habituationMessages);
  const effect =
    s.responsiveness * techniqueFit(barrier, technique) * (s.technique[technique] ?? 1) * timing * habituation;
  return effect / (1 + s.fatigue * ctx.recent) - s.annoyance * ctx.recent;
}

/** Chance of the target behaviour today given the action and the day's barrier. */
function successGiven(s: SubjectParams, ctx: DayContext, action: LearningAction, barrier: SimBarrier): number {
  const base = baseLogit(s, ctx);
  if (action.kind === 'skip') return sigmoid(base);
  const read = s.read[action.channel];
  return read * sigmoid(base + readUplift(s, ctx, action.technique, barrier)) + (1 - read) * sigmoid(base);
}

/** The same chance averaged over the subject's hidden barrier mix: what an all-knowing policy expects. */
export function expectedSuccess(s: SubjectParams, ctx: DayContext, action: LearningAction): number {
  let p = 0;
  for (const { barrier, weight } of s.barriers) p += weight * successGiven(s, ctx, action, barrier);
  return p;
}

export { sigmoid };
