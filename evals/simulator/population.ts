import { randomLogNormal, randomNormal } from 'd3-random';
import { type RandomSource, sampleBeta } from '../../agents/learning/seeded-random.js';
import { BARRIER_PLAN } from '../../agents/strategy/barrier-techniques.js';
import { type Barrier, CHANNELS, type Channel } from '../../src/domain/block.js';

export type SimBarrier = Exclude<Barrier, 'none'>;

/**
 * The population the simulated subjects are drawn from. Figures come from the adherence and
 * messaging literature where it gives one; the rest are stated assumptions, chosen before any policy
 * was run and never tuned to favour one. Changing one changes every policy's result alike.
 */
export const POPULATION = {
  /**
   * Share of people whose main barrier is each one. Forgetfulness is the reason patients most often
   * give for missed doses in adherence surveys, cost and worries about side effects are the common
   * intentional reasons; the exact shares are an assumption.
   */
  barrierShare: {
    forgetfulness: 0.3,
    cost: 0.15,
    concerns: 0.15,
    necessity: 0.12,
    access: 0.08,
    health_literacy: 0.06,
    trust: 0.05,
    emotional: 0.05,
    social_influence: 0.04,
  } satisfies Record<SimBarrier, number>,
  /** The main barrier's weight in a person's mix; a second barrier has the rest (assumption). */
  mainBarrierWeight: [0.6, 0.9],
  /**
   * Daily chance of taking the dose with no messages, on the log-odds scale: N(1.0, 1.0), a median of
   * 73 % and a mean PDC near 0.65, about a third of people at PDC ≥ 0.8 with refill gaps included —
   * in line with "adherence to long-term therapy averages 50 %" (WHO 2003) and PDC studies of chronic
   * medicines (mean PDC 0.6–0.75).
   */
  baselineLogit: { mean: 1.0, sd: 1.0 },
  /** Lower adherence at weekends, as electronic monitoring studies report (assumption on its size). */
  weekendLogit: -0.3,
  /** Once out of pills, the daily chance to refill is the dose chance shifted by this on the log-odds scale. */
  refillShiftLogit: -1.2,
  supplyDays: 30,
  /**
   * Log-odds uplift of a read message whose technique fits the day's barrier: log-normal, mean 0.8,
   * so a read reminder lifts a 70 % day to about 84 %. Text-message programmes roughly double the odds
   * of adherence (Thakkar et al. 2016, JAMA Intern Med 176:340: OR 2.11, about +18 points).
   */
  responsivenessLogit: { mean: 0.8, sdLog: 0.5 },
  /**
   * Population mean effect of a table technique by its rank for the barrier (the table is right on
   * average), and a person's own multiplier per technique: log-normal with this spread, so the
   * table's first technique is not the best one for many people (assumption).
   */
  rankEffect: [1.0, 0.85, 0.75, 0.65],
  techniqueSdLog: 0.6,
  /**
   * How far one programme's population departs from the table's ranking: a factor per technique,
   * log-normal with mean 1 and this spread, drawn once per simulated programme and shared by all its
   * subjects. 0 by default (the table is right on average, the most favourable case for the table);
   * `nof1 simulate --program-spread` asks what learning gains when the literature's ranking is off
   * for a programme (assumption, for sensitivity runs).
   */
  programmeSpreadSdLog: 0,
  /** A technique aimed at another barrier than the day's one still helps a little (assumption). */
  mismatchEffect: 0.3,
  /**
   * Chance a message on each channel is read, mean of a per-person Beta with concentration 5: SMS is
   * read by most (health text programmes report > 80 %), email opened by a fifth to a quarter in
   * healthcare (industry email benchmarks ≈ 21–25 %), push notifications by few (app benchmarks 3–10 %), web
   * portal or in-app inbox messages by few (assumption).
   */
  readMean: { sms: 0.85, email: 0.23, push: 0.08, web: 0.12 } satisfies Record<Channel, number>,
  readConcentration: 5,
  /** Share of people who consented to each channel (assumption); everyone has at least one. */
  consentShare: { sms: 0.85, email: 0.8, push: 0.4, web: 0.5 } satisfies Record<Channel, number>,
  /** Messages at a person's own best time of day (morning, afternoon, evening) work better (assumption). */
  slotEffect: { best: 1.2, other: 0.85 },
  /** Responses fade with the messages of the last 7 days: divided by 1 + fatigue × recent (assumption). */
  fatigue: [0, 0.6],
  /** Reactance: log-odds lost per message in the last 7 days when one is read (log-normal mean, assumption). */
  annoyanceLogit: { mean: 0.08, sdLog: 0.8 },
  /** Habituation: responses shrink as exp(-total messages / this) over the programme (assumption). */
  habituationMessages: 100,
  /**
   * Chance of opting out per message, times (1 + messages in the last 7 days): log-normal with mean
   * 0.3 % (SMS programme opt-out rates are a few tenths of a percent per message).
   */
  optOut: { mean: 0.003, sdLog: 0.7 },
  /** Share of a message's uplift that carries to the next day (assumption). */
  carryOver: 0.3,
  /** Chance the diagnosis names the day's barrier (the barrier eval suite's gate is ≥ 0.85). */
  diagnosisAccuracy: 0.85,
} as const;

export type SubjectParams = {
  id: string;
  /** Hidden barrier mix: main barrier and a second one, weights summing to 1. */
  barriers: Array<{ barrier: SimBarrier; weight: number }>;
  baselineLogit: number;
  responsiveness: number;
  /** Personal multiplier per technique code. */
  technique: Record<string, number>;
  read: Record<Channel, number>;
  consents: Channel[];
  bestSlot: number;
  fatigue: number;
  annoyance: number;
  optOut: number;
};

export const SIM_BARRIERS = Object.keys(POPULATION.barrierShare) as SimBarrier[];
const TECHNIQUES = [...new Set(SIM_BARRIERS.flatMap((b) => BARRIER_PLAN[b].bcts))];

function pickBarrier(random: RandomSource, exclude?: SimBarrier): SimBarrier {
  const options = SIM_BARRIERS.filter((b) => b !== exclude);
  const total = options.reduce((s, b) => s + POPULATION.barrierShare[b], 0);
  let u = random() * total;
  for (const b of options) {
    u -= POPULATION.barrierShare[b];
    if (u < 0) return b;
  }
  return options.at(-1)!;
}

/** A log-normal draw with the given mean (not median). */
const logNormalWithMean = (random: RandomSource, mean: number, sdLog: number) =>
  randomLogNormal.source(random)(Math.log(mean) - sdLog ** 2 / 2, sdLog)();

const uniform = (random: RandomSource, [lo, hi]: readonly [number, number]) => lo + random() * (hi - lo);

/**
 * The programme's factor per technique (see `programmeSpreadSdLog`), from its own stream so that the
 * subjects' draws are the same whatever the spread; all 1 when the spread is 0.
 */
export function drawProgrammeFactors(random: RandomSource, spreadSdLog: number): Record<string, number> {
  return Object.fromEntries(
    TECHNIQUES.map((t) => [t, spreadSdLog === 0 ? 1 : logNormalWithMean(random, 1, spreadSdLog)]),
  );
}

/** Draws one subject's hidden parameters from the population (and its programme's technique factors). */
export function drawSubject(
  random: RandomSource,
  index: number,
  programme: Record<string, number> = {},
): SubjectParams {
  const P = POPULATION;
  const main = pickBarrier(random);
  const weight = uniform(random, P.mainBarrierWeight);
  const consents = CHANNELS.filter((c) => random() < P.consentShare[c]);
  if (consents.length === 0) consents.push(CHANNELS[Math.floor(random() * CHANNELS.length)]!);
  const read = {} as Record<Channel, number>;
  for (const c of CHANNELS) {
    const k = P.readConcentration;
    read[c] = sampleBeta(random, P.readMean[c] * k, (1 - P.readMean[c]) * k);
  }
  return {
    id: `sim-${String(index + 1).padStart(5, '0')}`,
    barriers: [
      { barrier: main, weight },
      { barrier: pickBarrier(random, main), weight: 1 - weight },
    ],
    baselineLogit: randomNormal.source(random)(P.baselineLogit.mean, P.baselineLogit.sd)(),
    responsiveness: logNormalWithMean(random, P.responsivenessLogit.mean, P.responsivenessLogit.sdLog),
    technique: Object.fromEntries(
      TECHNIQUES.map((t) => [t, logNormalWithMean(random, 1, P.techniqueSdLog) * (programme[t] ?? 1)]),
    ),
    read,
    consents,
    bestSlot: Math.floor(random() * 3),
    fatigue: uniform(random, P.fatigue),
    annoyance: logNormalWithMean(random, P.annoyanceLogit.mean, P.annoyanceLogit.sdLog),
    optOut: logNormalWithMean(random, P.optOut.mean, P.optOut.sdLog),
  };
}
