import type { Signal } from '../../src/domain/compose.js';
import type { TriageText } from './safety-types.js';

/**
 * Fields of signal data that hold the programme's own words or a structured value, never what a person
 * wrote: a survey's question ("Have you thought of hurting yourself?" answered "no" is not a finding), a
 * page's topic, a coverage status, a channel, a message id or address.
 */
export const NOT_WRITTEN_BY_THE_PERSON: ReadonlySet<string> = new Set([
  'question',
  'topic',
  'status',
  'channel',
  'messageId',
  'url',
]);

/** Every string under `value`, however nested (a reply list, `{"answer": {"text": ...}}`), skipping structured keys. */
function strings(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') {
    if (/\p{L}/u.test(value)) out.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) strings(item, out);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (!NOT_WRITTEN_BY_THE_PERSON.has(key)) strings(item, out);
  }
  return out;
}

/** A signal's own fields that are never anyone's words. */
const SIGNAL_FIELDS = new Set(['type', 'at']);

/**
 * Where people write in a signal: a survey answer and a chat message, and any other text a client put in
 * the data under a name nobody listed (`body`, `comment`, a nested or repeated answer), or beside the data.
 * Triage reads all free text (the contract), and a finding can only add caution, so text is read wherever
 * it arrives.
 */
export function freeTexts(signals: readonly Signal[]): TriageText[] {
  return signals.flatMap((signal, index) =>
    Object.entries(signal)
      .filter(([field]) => !SIGNAL_FIELDS.has(field))
      .flatMap(([, value]) => strings(value, []))
      .map((text) => ({ index, type: signal.type, text })),
  );
}
