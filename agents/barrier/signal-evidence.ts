import type { Barrier } from '../../src/domain/block.js';
import type { Signal } from '../../src/domain/compose.js';
import { COVERAGE, type Scores, strongest, TOPIC_FIRST, TOPIC_REPEAT, TOPICS } from './signal-vocabulary.js';

/**
 * Behavioural evidence: what non-text signals say about the barrier, as per-barrier
 * log-odds that the engine adds to the text classifier's log-probabilities. Signal types
 * not handled here are ignored (the contract keeps them but they say nothing of a barrier).
 */

export type { Scores };
export type SignalEvidence = { index: number; type: string; scores: Scores; reason: string };

const ADHERENT = new Set(['refill_on_time', 'dose_logged']);
const ON_TRACK = new Set(['refill_on_time', 'dose_logged', 'visit_completed']);
const LAPSES = new Set(['refill_missed', 'dose_missed', 'appointment_missed']);

export function signalEvidence(signals: Signal[]): SignalEvidence[] {
  const found: SignalEvidence[] = [];
  const topicsSeen = new Set<string>();
  const anySetback = signals.some(isSetback);
  const missedDoses = signals.filter((s) => s.type === 'dose_missed').length;
  const adherentBefore = adherentBeforeFirstMiss(signals);
  let refillMissCited = false;
  signals.forEach((signal, index) => {
    const add = (scores: Scores, reason: string) =>
      found.push({ index, type: signal.type, scores, reason: `signals[${index}] ${signal.type}: ${reason}` });
    const topic = known(signal.type === 'page_view' ? signal.data?.topic : undefined, TOPICS);
    if (topic) {
      const scores = scale(TOPICS[topic]!, topicsSeen.has(topic) ? TOPIC_REPEAT : TOPIC_FIRST);
      topicsSeen.add(topic);
      add(scores, `topic ${topic} suggests ${strongest(scores)}`);
    }
    const status = known(signal.type === 'coverage_event' ? signal.data?.status : undefined, COVERAGE);
    if (status) add(COVERAGE[status]!, `status ${status} suggests ${strongest(COVERAGE[status]!)}`);
    if (signal.type === 'dose_missed' && missedDoses >= 2) {
      // Doses missed after a stretch of on-time use point to a lapse of routine, not a decision.
      const weight = adherentBefore ? 0.6 : 0.4;
      const after = adherentBefore ? ' after on-time use' : '';
      add({ forgetfulness: weight }, `repeated missed doses${after} suggest forgetfulness`);
    }
    if (signal.type === 'refill_missed' && !refillMissCited) {
      refillMissCited = true;
      // A lapse is itself evidence that something got in the way, so `none` needs the
      // person to say so plainly. Which barrier, a lapse alone does not tell: the lean to
      // forgetting (the reason most often given) only breaks the tie when nothing else speaks.
      add({ forgetfulness: 0.05, none: -1.5 }, 'a missed refill alone does not say why (weak)');
    }
    if (signal.type === 'appointment_missed') {
      add({ forgetfulness: 0.3, access: 0.3, none: -0.5 }, 'weakly suggests forgetfulness or access');
    }
    if (signal.type === 'visit_scheduled' && !anySetback) {
      // An upcoming visit calls for a cue (7.1) even when nothing has gone wrong yet.
      add({ forgetfulness: 0.8, none: -1 }, 'an upcoming visit calls for a reminder');
    }
    if (ON_TRACK.has(signal.type) && !anySetback) add({ none: 0.8 }, 'on track with nothing missed suggests none');
  });
  return found;
}

/** Sums the evidence per barrier, capped so a long history cannot drown out what the person said. */
export function totalScores(evidence: SignalEvidence[], cap = 3): Scores {
  const total: Scores = {};
  for (const e of evidence) {
    for (const [b, v] of Object.entries(e.scores) as [Barrier, number][]) total[b] = (total[b] ?? 0) + v;
  }
  for (const b of Object.keys(total) as Barrier[]) total[b] = Math.max(-cap, Math.min(cap, total[b]!));
  return total;
}

/** The value if it is a string in the vocabulary; anything else is not ours to cite. */
function known(value: unknown, vocabulary: Record<string, Scores>): string | undefined {
  return typeof value === 'string' && Object.hasOwn(vocabulary, value) ? value : undefined;
}

/** A missed refill, dose or visit, or a payer decision against the person. */
function isSetback(signal: Signal): boolean {
  if (LAPSES.has(signal.type)) return true;
  const status = known(signal.type === 'coverage_event' ? signal.data?.status : undefined, COVERAGE);
  return status !== undefined && (COVERAGE[status]!.none ?? 0) <= 0;
}

/** Times order the signals when every one has one; otherwise the order they were sent in. */
function adherentBeforeFirstMiss(signals: Signal[]): boolean {
  const timed = signals.every((s) => s.at !== undefined);
  const when = (s: Signal, i: number) => (timed ? Date.parse(s.at!) : i);
  const firstMiss = Math.min(...signals.flatMap((s, i) => (s.type === 'dose_missed' ? [when(s, i)] : [])));
  return signals.some((s, i) => ADHERENT.has(s.type) && when(s, i) < firstMiss);
}

function scale(scores: Scores, by: number): Scores {
  return Object.fromEntries(Object.entries(scores).map(([b, v]) => [b, v * by]));
}
