import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Barrier } from '../../src/domain/block.js';

/** The labelled training corpus: one `{text, barrier}` JSON object per line. */
export const CORPUS_PATH = fileURLToPath(new URL('../data/barrier-corpus.jsonl', import.meta.url));
export const MODEL_PATH = fileURLToPath(new URL('../data/barrier-model.json', import.meta.url));

const CorpusLine = z.object({ text: z.string().min(1), barrier: Barrier });
export type CorpusLine = z.infer<typeof CorpusLine>;

class CorpusError extends Error {
  override name = 'CorpusError';
}

export function parseCorpus(text: string): CorpusLine[] {
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => {
      const parsed = CorpusLine.safeParse(parseJson(line));
      if (!parsed.success) throw new CorpusError(`barrier corpus line ${number}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

/** The model file records this hash, so a corpus edited without retraining is detected. */
export function corpusSha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
