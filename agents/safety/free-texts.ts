import type { Signal } from '../../src/domain/compose.js';
import type { TriageText } from './safety-types.js';

/**
 * Where people write in a signal: a survey answer, a chat message, and the same free-text
 * fields on any other signal type (a reply, a note), so no text escapes triage because it
 * arrived under a type nobody listed.
 */
const FREE_TEXT_FIELDS = ['answer', 'text', 'message', 'comment', 'note', 'reply'];

export function freeTexts(signals: readonly Signal[]): TriageText[] {
  return signals.flatMap((signal, index) =>
    FREE_TEXT_FIELDS.flatMap((field) => {
      const value = signal.data?.[field];
      return typeof value === 'string' && value.trim() !== '' ? [{ index, type: signal.type, text: value }] : [];
    }),
  );
}
