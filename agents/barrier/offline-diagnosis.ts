import { BARRIERS, type Barrier } from '../../src/domain/block.js';
import type { Diagnosis, Signal } from '../../src/domain/compose.js';
import type { DiagnosisEngine } from '../../src/domain/engines.js';
import { loadBarrierModel } from './load-model.js';
import type { BarrierModel } from './model-file.js';
import { signalEvidence, totalScores } from './signal-evidence.js';
import { softmax } from './text-classifier.js';
import { textEvidence } from './text-evidence.js';

/**
 * Most people, most of the time, have no barrier: with no evidence either way the
 * answer leans to `none` — at a confidence low enough for the graph to hold it.
 */
const PRIOR: Partial<Record<Barrier, number>> = { none: 0.1 };
const ALTERNATIVE_FLOOR = 0.05;

/**
 * Log-linear pooling: each text's calibrated log-probabilities plus the behavioural
 * log-odds, then a softmax. Confident words outweigh a page view; when nothing was said,
 * behaviour decides; when nothing indicates anything, the confidence stays low.
 */
export function diagnoseSignals(model: BarrierModel, signals: Signal[]): Diagnosis {
  const texts = textEvidence(model, signals);
  const behaviour = signalEvidence(signals);
  const behaviourScores = totalScores(behaviour);
  const scores = BARRIERS.map(
    (b) =>
      (PRIOR[b] ?? 0) +
      (behaviourScores[b] ?? 0) +
      texts.reduce((sum, t) => sum + Math.log(Math.max(t.probs[b], 1e-6)), 0),
  );
  const ranked = softmax(scores)
    .map((p, k) => ({ barrier: BARRIERS[k]!, confidence: Math.round(p * 1000) / 1000 }))
    .sort((a, b) => b.confidence - a.confidence);
  const [top, ...rest] = ranked;
  const evidence = [...texts, ...behaviour].sort((a, b) => a.index - b.index).map((e) => e.reason);
  return {
    barrier: top!.barrier,
    confidence: top!.confidence,
    evidence: evidence.length > 0 ? evidence : ['no signal indicated a barrier'],
    alternatives: rest.filter((a) => a.confidence >= ALTERNATIVE_FLOOR).slice(0, 3),
  };
}

export function createOfflineDiagnosisEngine(model: BarrierModel = loadBarrierModel().model): DiagnosisEngine {
  return {
    name: 'offline',
    async diagnose({ signals }) {
      return {
        diagnosis: diagnoseSignals(model, signals),
        report: { engine: 'offline', toolCalls: [], modelCalls: [] },
      };
    },
  };
}
