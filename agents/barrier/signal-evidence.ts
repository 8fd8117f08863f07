import type { Signal } from '../../src/compose/compose-schema.js';
import type { Barrier } from '../../src/content/block-schema.js';

/**
 * Behavioural evidence: what non-text signals say about the barrier, as per-barrier
 * log-odds added to the text classifier's log-probabilities. The weights are set by hand
 * from what each behaviour means (rationale beside each), not fitted to the eval cases.
 * A topic or status is cited only when it is in the vocabulary below, so nothing a
 * client sends in those fields is echoed into the evidence.
 */

export type Scores = Partial<Record<Barrier, number>>;
export type SignalEvidence = { index: number; type: string; scores: Scores; reason: string };

/**
 * Reading a page on a topic just before a lapse is direct, if indirect, evidence of what
 * is on the person's mind: worth about as much as a hesitant sentence. A topic read
 * again adds less, because the second visit mostly confirms the first.
 */
const TOPIC_FIRST = 1.5;
const TOPIC_REPEAT = 0.6;
const TOPICS: Record<string, Scores> = {
  cost: { cost: 1 },
  savings: { cost: 1 },
  copay: { cost: 1 },
  copay_card: { cost: 1 },
  financial_assistance: { cost: 1 },
  side_effects: { concerns: 1 },
  safety: { concerns: 1 },
  drug_interactions: { concerns: 1 },
  how_to_use: { health_literacy: 1 },
  storage: { health_literacy: 1 },
  injection: { health_literacy: 1 },
  dosing: { health_literacy: 1 },
  clinical_data: { necessity: 1 },
  efficacy: { necessity: 1 },
  pharmacy_locator: { access: 1 },
  // Looking for support says little about which barrier: a nudge only.
  support: { emotional: 0.25, none: 0.15 },
};

/** A payer decision is a fact about the person's situation, stronger than a page view. */
const COVERAGE: Record<string, Scores> = {
  prior_auth_required: { access: 1.8 },
  prior_auth_pending: { access: 1.8 },
  denied: { access: 1.8 },
  formulary: { access: 1.8 },
  formulary_exclusion: { access: 1.8 },
  copay_increase: { cost: 1.8 },
  deductible_reset: { cost: 1.8 },
  // Approval removes an access problem but says nothing of the others.
  approved: { none: 0.4, access: -0.5 },
};

const POSITIVE = new Set(['refill_on_time', 'dose_logged', 'visit_completed']);
const NEGATIVE = new Set(['refill_missed', 'dose_missed', 'appointment_missed']);

export function signalEvidence(signals: Signal[]): SignalEvidence[] {
  const found: SignalEvidence[] = [];
  const topicsSeen = new Set<string>();
  const anyNegative = signals.some(isSetback);
  const missedDoses = signals.filter((s) => s.type === 'dose_missed').length;
  const adherentBefore = adherentBeforeFirstMiss(signals);
  let refillMissedCited = false;
  signals.forEach((signal, index) => {
    const add = (scores: Scores, reason: string) =>
      found.push({ index, type: signal.type, scores, reason: `signals[${index}] ${signal.type}: ${reason}` });
    const label = typeof signal.data?.topic === 'string' ? signal.data.topic : undefined;
    if (signal.type === 'page_view' && label && TOPICS[label]) {
      const weight = topicsSeen.has(label) ? TOPIC_REPEAT : TOPIC_FIRST;
      topicsSeen.add(label);
      const scores = scale(TOPICS[label], weight);
      add(scores, `topic ${label} suggests ${strongest(scores)}`);
    }
    const coverage = coverageScores(signal);
    if (coverage) add(coverage, `status ${String(signal.data?.status)} suggests ${strongest(coverage)}`);
    if (signal.type === 'dose_missed' && missedDoses >= 2) {
      // Doses missed after a stretch of on-time use point to a lapse of routine, not a decision.
      const weight = adherentBefore ? 0.6 : 0.4;
      add(
        { forgetfulness: weight },
        `repeated missed doses${adherentBefore ? ' after on-time use' : ''} suggest forgetfulness`,
      );
    }
    if (signal.type === 'refill_missed' && !refillMissedCited) {
      refillMissedCited = true;
      // Forgetting is the reason most often given for a missed refill, but a lapse alone says little.
      add({ forgetfulness: 0.2, none: -0.7 }, 'a missed refill alone does not say why (weak)');
    }
    if (signal.type === 'appointment_missed')
      add({ forgetfulness: 0.3, access: 0.3, none: -0.5 }, 'weakly suggests forgetfulness or access');
    if (POSITIVE.has(signal.type) && !anyNegative)
      add({ none: 0.8 }, 'on-track behaviour with nothing missed suggests none');
  });
  return found;
}

/** A missed refill, dose or visit, or a payer decision against the person. */
function isSetback(signal: Signal): boolean {
  if (NEGATIVE.has(signal.type)) return true;
  const coverage = coverageScores(signal);
  return coverage !== undefined && (coverage.none ?? 0) <= 0;
}

/** Times order the signals when every one has one; otherwise the order they were sent in. */
function adherentBeforeFirstMiss(signals: Signal[]): boolean {
  const timed = signals.every((s) => s.at !== undefined);
  const when = (s: Signal, i: number) => (timed ? Date.parse(s.at!) : i);
  const misses = signals.flatMap((s, i) => (s.type === 'dose_missed' ? [when(s, i)] : []));
  const firstMiss = Math.min(...misses);
  return signals.some((s, i) => (s.type === 'refill_on_time' || s.type === 'dose_logged') && when(s, i) < firstMiss);
}

function coverageScores(signal: Signal): Scores | undefined {
  if (signal.type !== 'coverage_event') return undefined;
  const status = signal.data?.status;
  return typeof status === 'string' ? COVERAGE[status] : undefined;
}

function scale(scores: Scores, by: number): Scores {
  return Object.fromEntries(Object.entries(scores).map(([b, v]) => [b, v * by]));
}

function strongest(scores: Scores): string {
  return Object.entries(scores).reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

/** Sums the evidence per barrier, capping each so a long history cannot drown out what the person said. */
export function totalScores(evidence: SignalEvidence[], cap = 3): Scores {
  const total: Scores = {};
  for (const e of evidence) {
    for (const [b, v] of Object.entries(e.scores) as [Barrier, number][]) total[b] = (total[b] ?? 0) + v;
  }
  for (const b of Object.keys(total) as Barrier[]) total[b] = Math.max(-cap, Math.min(cap, total[b]!));
  return total;
}
