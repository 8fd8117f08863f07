import { freeTexts } from '../agents/safety/free-texts.js';
import type { SafetyLocale } from '../agents/safety/load-safety-locale.js';
import { SAFETY_KINDS, type SafetyKind } from '../agents/safety/safety-types.js';
import { readText } from '../agents/safety/triage-text.js';
import type { SafetyCase } from './safety-eval.js';

/**
 * How held-out cases of one kind trade misses against false alarms as the classifier's
 * threshold moves, rules held fixed. The threshold is chosen from the training corpus only;
 * this shows what another one would have bought, so a change to the corpus can be judged by
 * its ranking and not only at the one threshold its cross-validation picked.
 */

/** One case for one kind: labelled with it, found by a rule, and the classifier's best score over its texts. */
export type CaseReading = { positive: boolean; rule: boolean; score: number };
export type CurvePoint = { threshold: number; missed: number; falseAlarms: number };

export function readCases(data: SafetyLocale, cases: SafetyCase[], kind: SafetyKind): CaseReading[] {
  const k = SAFETY_KINDS.indexOf(kind);
  return cases.map((c) => {
    let rule = false;
    let score = 0;
    for (const { text } of freeTexts(c.signals)) {
      const read = readText(data, text);
      rule ||= read.ruled.some((f) => f.kind === kind);
      const best = read.scores[k]!;
      if (best.span !== null) score = Math.max(score, best.score);
    }
    return { positive: c.kinds.includes(kind), rule, score };
  });
}

/** Flagged as triage flags: a rule, or a score (never 0, a kind the guards ruled out) at or above the threshold. */
export function pointAt(readings: CaseReading[], threshold: number): CurvePoint {
  let missed = 0;
  let falseAlarms = 0;
  for (const r of readings) {
    const flagged = r.rule || (r.score > 0 && r.score >= threshold);
    if (r.positive && !flagged) missed++;
    if (!r.positive && flagged) falseAlarms++;
  }
  return { threshold, missed, falseAlarms };
}

/**
 * The thresholds worth choosing, from the classifier silent (threshold ∞) downwards: each
 * number of false alarms once, with the fewest misses any threshold gives for it. Lowering a
 * threshold never adds a miss nor removes a false alarm, so these are the lowest threshold
 * before each new false alarm; every other threshold misses more for as many.
 */
export function operatingCurve(readings: CaseReading[]): CurvePoint[] {
  const thresholds = [...new Set(readings.map((r) => r.score).filter((s) => s > 0))].sort((a, b) => b - a);
  const curve: CurvePoint[] = [];
  for (const t of [Number.POSITIVE_INFINITY, ...thresholds]) {
    const p = pointAt(readings, t);
    const last = curve[curve.length - 1];
    if (last && p.falseAlarms === last.falseAlarms) curve[curve.length - 1] = p;
    else if (!last || p.missed < last.missed) curve.push(p);
  }
  return curve;
}
