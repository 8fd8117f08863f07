import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  corpusLocales,
  corpusPath,
  corpusSha256,
  modelPath,
  parseCorpus,
} from '../../../agents/barrier/barrier-corpus.js';
import { loadBarrierModel } from '../../../agents/barrier/load-model.js';
import { BarrierModelFile } from '../../../agents/barrier/model-file.js';
import { featureFingerprint } from '../../../agents/barrier/text-features.js';
import { trainBarrierModel } from '../../../agents/barrier/train-model.js';
import { loadProfile } from '../../../agents/language/profile-files.js';
import { BARRIERS } from '../../../src/domain/block.js';
import { tempDir } from '../../support/temp-dir.js';

const committed = (locale: string) => BarrierModelFile.parse(JSON.parse(readFileSync(modelPath(locale), 'utf8')));
const corpusText = (locale: string) => readFileSync(corpusPath(locale), 'utf8');
const TINY = [
  ...BARRIERS.map((barrier) => JSON.stringify({ text: `words about ${barrier}`, barrier })),
  JSON.stringify({ text: 'too expensive', barrier: 'cost' }),
].join('\n');

it('has a corpus, and so a model, for English and for US Spanish', () => {
  expect(corpusLocales()).toEqual(expect.arrayContaining(['en-US', 'es-US']));
});

describe.each(corpusLocales())('the committed %s barrier model', (locale) => {
  it('was trained from the corpus in the repository with the current features and profile (npm run train:barrier)', () => {
    const file = committed(locale);
    expect(file.locale).toBe(locale);
    expect(file.corpusSha256).toBe(corpusSha256(corpusText(locale)));
    expect(file.featureFingerprint).toBe(featureFingerprint(loadProfile(locale)));
    expect(file.labels).toEqual([...BARRIERS]);
  });

  it('is what training the corpus now produces', () => {
    const file = committed(locale);
    const retrained = trainBarrierModel(corpusText(locale), loadProfile(locale));
    expect(retrained.rows.length).toBe(file.rows.length);
    expect(retrained.temperature).toBeCloseTo(file.temperature, 3);
    // Rounded to 4 decimals; allow a last-digit flip from platform differences in exp/log.
    const drift = Math.max(...retrained.rows.flatMap((row, i) => row.map((w, k) => Math.abs(w - file.rows[i]![k]!))));
    expect(drift).toBeLessThanOrEqual(2e-4);
  }, 120_000);

  it('has at least 40 utterances for every barrier in its corpus', () => {
    const lines = parseCorpus(corpusText(locale));
    for (const barrier of BARRIERS)
      expect(lines.filter((l) => l.barrier === barrier).length).toBeGreaterThanOrEqual(40);
  });

  it('loads from the file when it is current', () => {
    expect(loadBarrierModel({ locale }).source).toBe('file');
  });
});

describe('loadBarrierModel on a stale model', () => {
  it('retrains in memory when the corpus changed since training', async () => {
    const dir = await tempDir();
    const corpus = join(dir, 'corpus.jsonl');
    const model = join(dir, 'model.json');
    writeFileSync(corpus, TINY);
    writeFileSync(model, JSON.stringify({ ...trainBarrierModel(TINY), corpusSha256: 'f'.repeat(64) }));
    const loaded = loadBarrierModel({ corpus, model });
    expect(loaded).toMatchObject({ source: 'retrained', reason: 'corpus changed since the model was trained' });
    expect(loaded.model.corpusSha256).toBe(corpusSha256(TINY));
  });

  it('retrains when the model file is missing or not a model', async () => {
    const dir = await tempDir();
    const corpus = join(dir, 'corpus.jsonl');
    writeFileSync(corpus, TINY);
    expect(loadBarrierModel({ corpus, model: join(dir, 'absent.json') }).reason).toBe('no model file');
    writeFileSync(join(dir, 'bad.json'), '{"format": "something else"}');
    expect(loadBarrierModel({ corpus, model: join(dir, 'bad.json') }).reason).toBe(
      'model file does not match its schema',
    );
  });
});

describe('loadBarrierModel with another profile', () => {
  it('retrains when the model was built with another language profile', async () => {
    const dir = await tempDir();
    const corpus = join(dir, 'corpus.jsonl');
    const model = join(dir, 'model.json');
    writeFileSync(corpus, TINY);
    const english = trainBarrierModel(TINY, loadProfile('en-US'));
    writeFileSync(model, JSON.stringify({ ...english, featureFingerprint: 'v5+en-US:0000000000000000' }));
    expect(loadBarrierModel({ corpus, model }).reason).toBe(
      'feature extraction or language profile changed since the model was trained',
    );
    expect(loadBarrierModel({ locale: 'es-US', corpus, model }).reason).toBe('model file is for en-US, not es-US');
  });
});
