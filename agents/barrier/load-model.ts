import { existsSync, readFileSync } from 'node:fs';
import { CORPUS_PATH, corpusSha256, MODEL_PATH } from './barrier-corpus.js';
import { type BarrierModel, BarrierModelFile, unpackModel } from './model-file.js';
import { FEATURE_FINGERPRINT } from './text-features.js';
import { trainBarrierModel } from './train-model.js';

export type LoadedBarrierModel = { model: BarrierModel; source: 'file' | 'retrained'; reason?: string };

/**
 * Loads the committed model, or retrains in memory (a few seconds) when it is missing,
 * unreadable, built from another corpus or by other feature code — so the engine never
 * classifies with weights that disagree with the corpus in the repository.
 */
export function loadBarrierModel(paths: { model?: string; corpus?: string } = {}): LoadedBarrierModel {
  const corpusText = readFileSync(paths.corpus ?? CORPUS_PATH, 'utf8');
  const modelPath = paths.model ?? MODEL_PATH;
  const stale = whyStale(modelPath, corpusSha256(corpusText));
  if (typeof stale !== 'string') return { model: unpackModel(stale), source: 'file' };
  return { model: unpackModel(trainBarrierModel(corpusText)), source: 'retrained', reason: stale };
}

/** The model file if it is current, or the reason it cannot be used. */
function whyStale(modelPath: string, corpusHash: string): BarrierModelFile | string {
  if (!existsSync(modelPath)) return 'no model file';
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(modelPath, 'utf8'));
  } catch {
    return 'model file is not JSON';
  }
  const parsed = BarrierModelFile.safeParse(json);
  if (!parsed.success) return 'model file does not match its schema';
  if (parsed.data.corpusSha256 !== corpusHash) return 'corpus changed since the model was trained';
  if (parsed.data.featureFingerprint !== FEATURE_FINGERPRINT)
    return 'feature extraction changed since the model was trained';
  return parsed.data;
}
