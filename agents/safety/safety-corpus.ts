import { z } from 'zod';
import { SAFETY_KINDS } from './safety-types.js';

/**
 * A training corpus (`agents/data/safety-corpus.<locale>.jsonl`): one JSON object per
 * line, `{"text": "...", "kinds": ["adverse_event", ...]}`; `kinds: []` is a hard negative.
 * `tag` is optional and only documents why a line is there (e.g. "cost_hyperbole"). Lines
 * are strict: a misspelt or renamed field ("note", "kind") is an error, not silently dropped,
 * so every locale's corpus keeps the one documented shape.
 */
const CorpusLine = z.strictObject({
  text: z.string().min(1),
  kinds: z.array(z.enum(SAFETY_KINDS)),
  tag: z.string().optional(),
});
export type SafetyCorpusLine = z.infer<typeof CorpusLine>;

export class SafetyCorpusError extends Error {
  override name = 'SafetyCorpusError';
}

export function parseSafetyCorpus(text: string, name = 'safety corpus'): SafetyCorpusLine[] {
  return text.split('\n').flatMap((raw, i) => {
    const line = raw.trim();
    if (line === '') return [];
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new SafetyCorpusError(`${name} line ${i + 1}: not JSON`);
    }
    const parsed = CorpusLine.safeParse(json);
    if (!parsed.success) throw new SafetyCorpusError(`${name} line ${i + 1}: ${parsed.error.issues[0]?.message}`);
    return [parsed.data];
  });
}
