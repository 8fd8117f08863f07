import type { Barrier } from '../../src/domain/block.js';
import type { Signal } from '../../src/domain/compose.js';
import type { BarrierModel } from './model-file.js';
import { predict } from './text-classifier.js';
import { extractFeatures } from './text-features.js';
import type { TextReader } from './text-reader.js';

/** Longer text adds nothing a classifier of short messages can use, and bounds the work. */
const MAX_TEXT = 2000;

export type TextEvidence = {
  index: number;
  type: string;
  probs: Record<Barrier, number>;
  reason: string;
  /** The text's language differs from the subject's locale (see locale-models.ts). */
  languageFinding?: string;
};

/** Calibrated probability of each barrier for one piece of free text, tokenised with the model's profile. */
export function classifyText(model: BarrierModel, text: string): Record<Barrier, number> {
  const p = predict(model.softmax, extractFeatures(text.slice(0, MAX_TEXT), model.features, model.profile));
  return Object.fromEntries(model.labels.map((b, k) => [b, p[k]!])) as Record<Barrier, number>;
}

/**
 * The person's own words: survey answers and chat messages. A survey question is ours,
 * not theirs, so it is context and never evidence. The reason names the signal and what
 * it indicated — never the words themselves.
 */
export function textEvidence(read: TextReader, signals: Signal[]): TextEvidence[] {
  return signals.flatMap((signal, index) => {
    const text = freeText(signal);
    if (!text) return [];
    const { probs, languageFinding } = read(text.slice(0, MAX_TEXT));
    const [top, p] = Object.entries(probs).reduce((a, b) => (b[1] > a[1] ? b : a));
    const what = signal.type === 'survey_response' ? 'answer' : 'text';
    const prefix = `signals[${index}] ${signal.type}:`;
    const reason = `${prefix} ${what} indicates ${top} (p=${p.toFixed(2)})`;
    return [
      {
        index,
        type: signal.type,
        probs,
        reason,
        ...(languageFinding && { languageFinding: `${prefix} ${languageFinding}` }),
      },
    ];
  });
}

function freeText(signal: Signal): string | undefined {
  const value =
    signal.type === 'survey_response'
      ? signal.data?.answer
      : signal.type === 'chat_message'
        ? signal.data?.text
        : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
