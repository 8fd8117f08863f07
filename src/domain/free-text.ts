import type { Signal } from './compose.js';

/** The free text a person wrote, by signal: survey answers and chat messages. */
export function freeTexts(signals: Signal[]): Array<{ index: number; type: string; text: string }> {
  return signals.flatMap((s, index) => {
    const d = s.data ?? {};
    const text = s.type === 'survey_response' ? d.answer : s.type === 'chat_message' ? d.text : undefined;
    return typeof text === 'string' && text.trim() ? [{ index, type: s.type, text }] : [];
  });
}
