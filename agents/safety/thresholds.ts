/**
 * Choosing a kind's threshold from out-of-fold scores, recall first: what the rules
 * already catch counts as caught, and the threshold is the highest one at which rules and
 * classifier together still reach the recall target, or the most recall any threshold
 * reaches when the target is out of reach. It never rises above CEILING (a classifier half
 * sure of a crisis is sure enough) nor falls below FLOOR.
 */
/** Never above the classifier's CONFIDENT (safety-classifier.ts): a span that sure of a kind is always a finding. */
const CEILING = 0.5;
const FLOOR = 0.02;

export function chooseThreshold(scores: number[], positive: boolean[], byRule: boolean[], target: number): number {
  // A score of 0 is a span the classifier's guards ruled out: no threshold catches it, so the
  // target is taken over the positives some threshold can catch. Otherwise one such positive
  // drags the threshold down to the lowest score any crisis ever had, and every ordinary
  // message above it is held.
  const left = scores.filter((s, i) => positive[i] && !byRule[i] && s > 0).sort((a, b) => b - a);
  const caught = positive.filter((p, i) => p && byRule[i]).length;
  const need = Math.ceil(target * (caught + left.length) - 1e-9) - caught;
  if (need <= 0) return CEILING;
  const at = left[Math.min(need, left.length) - 1] ?? FLOOR;
  return Math.min(CEILING, Math.max(FLOOR, at));
}

export type KindFigures = {
  positives: number;
  recall: number;
  precision: number;
  ruleRecall: number;
  hardNegativeRate: number;
  /** Share of the ordinary messages flagged with the kind. */
  ordinaryRate: number;
};

export function kindFigures(
  scores: number[],
  positive: boolean[],
  byRule: boolean[],
  negatives: { hardNegative: boolean[]; ordinary: boolean[] },
  threshold: number,
): KindFigures {
  const flagged = scores.map((s, i) => byRule[i]! || s >= threshold);
  const count = (f: (i: number) => boolean) => positive.filter((_, i) => f(i)).length;
  const positives = count((i) => positive[i]!);
  const hits = count((i) => positive[i]! && flagged[i]!);
  const flags = count((i) => flagged[i]!);
  const rate = (of: boolean[]) => {
    const n = count((i) => of[i]!);
    return round(n ? count((i) => of[i]! && flagged[i]!) / n : 0);
  };
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  return {
    positives,
    recall: round(positives ? hits / positives : 0),
    precision: round(flags ? hits / flags : 0),
    ruleRecall: round(positives ? count((i) => positive[i]! && byRule[i]!) / positives : 0),
    hardNegativeRate: rate(negatives.hardNegative),
    ordinaryRate: rate(negatives.ordinary),
  };
}
