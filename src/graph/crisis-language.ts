import type { Signal } from '../domain/compose.js';
import { freeTexts } from '../domain/free-text.js';

// Language that suggests risk of self-harm: no automated message may answer it; a human must.
const CRISIS = [
  /\b(kill|hurt|harm)(ing)?\s+my\s?self\b/i,
  /\bsuicid(e|al)\b/i,
  /\b(end|ending)\s+(it\s+all|my\s+life)\b/i,
  /\bwant\s+to\s+die\b/i,
  /\bno\s+reason\s+to\s+live\b/i,
  /\bbetter\s+off\s+dead\b/i,
];

/** The signal indexes whose free text calls for a human (never the text itself). */
export function crisisSignals(signals: Signal[]): number[] {
  return freeTexts(signals)
    .filter((t) => CRISIS.some((re) => re.test(t.text)))
    .map((t) => t.index);
}
