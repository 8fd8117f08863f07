import type { Signal } from '../compose/compose-schema.js';

// Language that suggests risk of self-harm: no automated message may answer it; a human must.
const CRISIS = [
  /\b(kill|hurt|harm)(ing)?\s+my\s?self\b/i,
  /\bsuicid(e|al)\b/i,
  /\b(end|ending)\s+(it\s+all|my\s+life)\b/i,
  /\bwant\s+to\s+die\b/i,
  /\bno\s+reason\s+to\s+live\b/i,
  /\bbetter\s+off\s+dead\b/i,
];

export function freeTexts(signals: Signal[]): Array<{ index: number; type: string; text: string }> {
  return signals.flatMap((s, index) => {
    const d = s.data ?? {};
    const text = s.type === 'survey_response' ? d.answer : s.type === 'chat_message' ? d.text : undefined;
    return typeof text === 'string' && text.trim() ? [{ index, type: s.type, text }] : [];
  });
}

/** The signal indexes whose free text calls for a human (never the text itself). */
export function crisisSignals(signals: Signal[]): number[] {
  return freeTexts(signals)
    .filter((t) => CRISIS.some((re) => re.test(t.text)))
    .map((t) => t.index);
}
