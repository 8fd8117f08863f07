import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Barrier } from '../../src/domain/block.js';

/**
 * One labelled training corpus per locale (`barrier-corpus.<locale>.jsonl`: one `{text, barrier}`
 * JSON object per line) and the model trained from it (`barrier-model.<locale>.json`).
 */
const DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));
export const corpusPath = (locale: string, dir = DATA_DIR) => join(dir, `barrier-corpus.${locale}.jsonl`);
export const modelPath = (locale: string, dir = DATA_DIR) => join(dir, `barrier-model.${locale}.json`);

/** The locales that have a barrier corpus, sorted: each gets a model. */
export function corpusLocales(dir = DATA_DIR): string[] {
  return readdirSync(dir)
    .map((name) => /^barrier-corpus\.([a-z]{2,3}-[A-Z]{2})\.jsonl$/.exec(name)?.[1])
    .filter((locale): locale is string => locale !== undefined)
    .sort();
}

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
