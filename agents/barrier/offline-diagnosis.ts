import { BARRIERS, type Barrier } from '../../src/domain/block.js';
import type { Diagnosis, Signal } from '../../src/domain/compose.js';
import type { DiagnosisEngine } from '../../src/domain/engines.js';
import {
  type LocaleModels,
  loadLocaleModels,
  localeFallbackNote,
  localeReader,
  singleModelReader,
} from './locale-models.js';
import type { BarrierModel } from './model-file.js';
import { signalEvidence, totalScores } from './signal-evidence.js';
import { softmax } from './text-classifier.js';
import { textEvidence } from './text-evidence.js';
import type { TextReader } from './text-reader.js';

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
 * `reader` is one model, or a reader that picks the model per text by language.
 */
export function diagnoseSignals(reader: BarrierModel | TextReader, signals: Signal[], notes: string[] = []): Diagnosis {
  const texts = textEvidence(typeof reader === 'function' ? reader : singleModelReader(reader), signals);
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
  const evidence = [
    ...notes,
    ...[...texts, ...behaviour]
      .sort((a, b) => a.index - b.index)
      .flatMap((e) => ('languageFinding' in e && e.languageFinding ? [e.languageFinding, e.reason] : [e.reason])),
  ];
  return {
    barrier: top!.barrier,
    confidence: top!.confidence,
    evidence: evidence.length > 0 ? evidence : ['no signal indicated a barrier'],
    alternatives: rest.filter((a) => a.confidence >= ALTERNATIVE_FLOOR).slice(0, 3),
  };
}

/**
 * The offline engine. By default it loads every locale's model and reads each subject in
 * their locale (`input.locale`, default en-US); given one model it reads everyone with it.
 */
export function createOfflineDiagnosisEngine(
  models: BarrierModel | LocaleModels = loadLocaleModels(),
): DiagnosisEngine {
  return {
    name: 'offline',
    async diagnose({ signals, locale }) {
      const byLocale = 'models' in models;
      const reader = byLocale ? localeReader(models, locale) : models;
      const note = byLocale ? localeFallbackNote(models, locale) : undefined;
      return {
        diagnosis: diagnoseSignals(reader, signals, note ? [note] : []),
        report: { engine: 'offline', toolCalls: [], modelCalls: [] },
      };
    },
  };
}
