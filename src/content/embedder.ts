import type { OpenAIEmbeddings } from '@langchain/openai';
import { Unavailable } from '../domain/errors.js';
import type { Embedder } from '../domain/ports.js';
import { fnv1a32 } from './fnv1a.js';

export const EMBEDDING_DIMENSIONS = 384;

const STOPWORDS = new Set(
  'a an and are as at be by for from has have i in is it its me my of on or our so that the this to was we were will with you your'.split(
    ' ',
  ),
);

export function tokenize(text: string): string[] {
  // Only the first quote of a run can start the trailing match: a run of quotes is read once.
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9\s']/g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^'+|(?<!')'+$/g, ''))
    .filter((w) => w.length > 0 && !STOPWORDS.has(w));
}

/**
 * Offline, deterministic embedding: signed feature hashing of words, word pairs and character
 * trigrams, so misspellings still land near their word. No model, no network.
 */
export function hashEmbed(text: string, dims = EMBEDDING_DIMENSIONS): number[] {
  const v = new Float64Array(dims);
  const add = (feature: string, weight: number) => {
    const h = fnv1a32(feature);
    v[h % dims]! += (h & 0x80000000 ? -1 : 1) * weight;
  };
  const words = tokenize(text);
  for (const [i, w] of words.entries()) {
    add(`w:${w}`, 1);
    if (i > 0) add(`b:${words[i - 1]} ${w}`, 0.5);
    const padded = ` ${w} `;
    for (let j = 0; j + 3 <= padded.length; j++) add(`c:${padded.slice(j, j + 3)}`, 0.25);
  }
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  return Array.from(v, (x) => x / norm);
}

export function createHashEmbedder(): Embedder {
  return { name: `hash-v1-${EMBEDDING_DIMENSIONS}`, embed: async (texts) => texts.map((t) => hashEmbed(t)) };
}

export type RemoteEmbedderOptions = {
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
  maxRetries: number;
};

/** Any OpenAI-compatible /embeddings endpoint, asked for vectors of the store's dimension. */
export function createRemoteEmbedder(opts: RemoteEmbedderOptions): Embedder {
  // The SDK is loaded on first use, so a service that never embeds remotely never pays for it.
  let client: Promise<OpenAIEmbeddings> | undefined;
  const connect = async () =>
    new (await import('@langchain/openai')).OpenAIEmbeddings({
      model: opts.model,
      dimensions: EMBEDDING_DIMENSIONS,
      apiKey: opts.apiKey ?? 'not-needed',
      configuration: { baseURL: opts.baseUrl },
      maxRetries: opts.maxRetries,
      timeout: opts.timeoutMs,
      batchSize: 256,
      // Plain float arrays: many OpenAI-compatible servers (vLLM, Ollama) do not speak base64.
      encodingFormat: 'float',
    });
  return {
    name: `openai:${opts.model}:${EMBEDDING_DIMENSIONS}`,
    async embed(texts) {
      let vectors: number[][];
      try {
        client ??= connect();
        vectors = await (await client).embedDocuments(texts);
      } catch (err) {
        // The endpoint's own message may echo input text, so only its kind is reported.
        throw new Unavailable(`the embeddings endpoint failed (${(err as Error).name})`);
      }
      for (const v of vectors) {
        if (v.length !== EMBEDDING_DIMENSIONS) {
          throw new Unavailable(
            `the embeddings endpoint answered ${v.length} dimensions, expected ${EMBEDDING_DIMENSIONS}`,
          );
        }
      }
      return vectors;
    },
  };
}
