import type { LearningAction } from '../../agents/learning/learning-action.js';
import { actionKey, SKIP } from '../../agents/learning/learning-action.js';
import { seededRandom } from '../../agents/learning/seeded-random.js';
import { BARRIER_PLAN } from '../../agents/strategy/barrier-techniques.js';
import { type DayDraws, drawDays } from './day-draws.js';
import { observedSignals } from './observed-signals.js';
import {
  drawProgrammeFactors,
  drawSubject,
  POPULATION,
  SIM_BARRIERS,
  type SimBarrier,
  type SubjectParams,
} from './population.js';
import { bestAction, type Decision, type SimPolicy } from './sim-policies.js';
import { baseLogit, type DayContext, expectedSuccess, readUplift, sigmoid } from './subject-response.js';

export type SimSettings = { seed: number; subjects: number; days: number; frequencyCap: number; windowDays: number };
export const DEFAULT_PACING = { frequencyCap: 3, windowDays: 7 } as const;

/** A subject and the uniforms their days will use, identical for every policy. */
export type SimSubject = { params: SubjectParams; draws: DayDraws };

type SubjectOutcome = {
  pdc: number;
  messages: number;
  optedOut: boolean;
  regret: number;
  /** Days a message was sent, and the day of the opt-out (null if none): for checks and charts. */
  sentDays: number[];
  optOutDay: number | null;
};
export type PolicyRun = {
  perSubject: SubjectOutcome[];
  /** Per day, summed over subjects: days covered, messages sent, opt-outs, regret. */
  daily: { covered: number[]; messages: number[]; optOuts: number[]; regret: number[] };
};

export function drawPopulation(
  seed: number,
  subjects: number,
  days: number,
  programmeSpread: number = POPULATION.programmeSpreadSdLog,
): SimSubject[] {
  const programme = drawProgrammeFactors(seededRandom(`${seed}:programme`), programmeSpread);
  return Array.from({ length: subjects }, (_, i) => {
    const random = seededRandom(`${seed}:subject:${i}`);
    return { params: drawSubject(random, i, programme), draws: drawDays(random, days) };
  });
}

type Live = {
  supply: number;
  sent: number[];
  covered: number;
  coveredYesterday: boolean;
  carry: number;
  optOutDay: number | null;
  regret: number;
};

function dayBarrier(s: SubjectParams, u: number): SimBarrier {
  return u < s.barriers[0]!.weight ? s.barriers[0]!.barrier : s.barriers[1]!.barrier;
}

/** The diagnosis: the day's barrier with the configured accuracy, otherwise another barrier at random. */
function diagnose(actual: SimBarrier, right: number, pick: number): SimBarrier {
  if (right < POPULATION.diagnosisAccuracy) return actual;
  const others = SIM_BARRIERS.filter((b) => b !== actual);
  return others[Math.floor(pick * others.length)]!;
}

/** Skip, plus each technique for the diagnosed barrier on each consented channel while under the cap. */
function allowedActions(s: SubjectParams, barrier: SimBarrier, underCap: boolean): LearningAction[] {
  if (!underCap) return [SKIP];
  const sends = BARRIER_PLAN[barrier].bcts.flatMap((technique) =>
    s.consents.map((channel): LearningAction => ({ kind: 'send', technique, channel })),
  );
  return [SKIP, ...sends];
}

/**
 * Runs one policy over every subject for `days` days. Days are the outer loop so a learning policy
 * sees the programme's outcomes accumulate across subjects as they would in production.
 */
export function simulatePolicy(population: readonly SimSubject[], policy: SimPolicy, settings: SimSettings): PolicyRun {
  const { days, frequencyCap, windowDays } = settings;
  const daily = {
    covered: new Array(days).fill(0),
    messages: new Array(days).fill(0),
    optOuts: new Array(days).fill(0),
    regret: new Array(days).fill(0),
  };
  const live: Live[] = population.map(({ draws }) => ({
    supply: 1 + Math.floor(draws.at(0, 'startSupply') * POPULATION.supplyDays),
    sent: [],
    covered: 0,
    coveredYesterday: true,
    carry: 0,
    optOutDay: null,
    regret: 0,
  }));
  for (let day = 0; day < days; day++) {
    population.forEach(({ params: s, draws }, i) => {
      const l = live[i]!;
      const recent = l.sent.filter((d) => d > day - windowDays).length;
      const ctx: DayContext = {
        weekend: day % 7 >= 5,
        slot: Math.floor(draws.at(day, 'slot') * 3),
        outOfSupply: l.supply === 0,
        recent,
        total: l.sent.length,
        carry: l.carry,
      };
      const actual = dayBarrier(s, draws.at(day, 'barrier'));
      let action: LearningAction = SKIP;
      let decision: Decision | undefined;
      // A decision is triggered by a missed dose yesterday or a refill that is due.
      if (!l.coveredYesterday || ctx.outOfSupply) {
        const diagnosed = diagnose(actual, draws.at(day, 'diagnosis'), draws.at(day, 'misdiagnosis'));
        const allowed = allowedActions(s, diagnosed, l.optOutDay === null && recent < frequencyCap);
        // Past the cap or after an opt-out nothing may be sent: no policy is asked, nothing is learnt.
        if (allowed.length > 1) {
          decision = { subject: s, ctx, diagnosed, allowed };
          action = policy.choose(decision);
          if (!allowed.some((a) => actionKey(a) === actionKey(action))) {
            throw new Error(`policy ${policy.name} chose an action outside the allowed set`);
          }
          const regret = bestAction(decision).p - expectedSuccess(s, ctx, action);
          l.regret += regret;
          daily.regret[day] += regret;
        }
      }
      const read = action.kind === 'send' && draws.at(day, 'read') < s.read[action.channel];
      const uplift = read && action.kind === 'send' ? readUplift(s, ctx, action.technique, actual) : 0;
      const achieved = draws.at(day, 'target') < sigmoid(baseLogit(s, ctx) + uplift);
      l.carry = POPULATION.carryOver * Math.max(0, uplift);
      if (achieved && ctx.outOfSupply) l.supply = POPULATION.supplyDays;
      if (achieved) {
        l.supply -= 1;
        l.covered += 1;
        daily.covered[day] += 1;
      }
      l.coveredYesterday = achieved;
      if (decision) policy.learn?.(decision, action, achieved, observedSignals(action, read));
      if (action.kind === 'send') {
        l.sent.push(day);
        daily.messages[day] += 1;
        if (draws.at(day, 'optOut') < s.optOut * (1 + recent)) {
          l.optOutDay = day;
          daily.optOuts[day] += 1;
        }
      }
    });
  }
  return {
    perSubject: live.map((l) => ({
      pdc: l.covered / days,
      messages: l.sent.length,
      optedOut: l.optOutDay !== null,
      regret: l.regret,
      sentDays: l.sent,
      optOutDay: l.optOutDay,
    })),
    daily,
  };
}
