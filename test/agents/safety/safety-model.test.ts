import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serialiseModelFile } from '../../../agents/barrier/model-file.js';
import { logits } from '../../../agents/barrier/text-classifier.js';
import { readLanguageProfile, sha256 } from '../../../agents/safety/language-profile.js';
import { loadSafetyLocale, readLocaleSources } from '../../../agents/safety/load-safety-locale.js';
import { localeFiles } from '../../../agents/safety/locale-files.js';
import { SAFETY_FEATURE_VERSION, spanVector, tokenFeatures } from '../../../agents/safety/safety-features.js';
import {
  isNoFinding,
  MODEL_LABELS,
  SafetyModelFile,
  unpackSafetyModel,
} from '../../../agents/safety/safety-model-file.js';
import { tokenise } from '../../../agents/safety/safety-tokenise.js';
import { SAFETY_KINDS } from '../../../agents/safety/safety-types.js';
import { trainSafetyModel } from '../../../agents/safety/train-safety-model.js';
import { tempDir } from '../../support/temp-dir.js';

const EN = localeFiles('en-US');
const profile = readLanguageProfile(EN.language);
const committed = () => SafetyModelFile.parse(JSON.parse(readFileSync(EN.model, 'utf8')));

const TINY_RULES = 'locale: xx\nrules:\n  - kind: crisis\n    cue: tiny\n    patterns:\n      - "\\\\bkms\\\\b"\n';
const TINY_CORPUS = [
  ['i want to die', ['crisis']],
  ['i wish i was dead', ['crisis']],
  ['i got a rash after my shot', ['adverse_event']],
  ['hives after the injection', ['adverse_event']],
  ['the pen jammed', ['product_complaint']],
  ['the pen is broken', ['product_complaint']],
  ['can i drink wine on it', ['medical_information']],
  ['is it safe while pregnant', ['medical_information']],
  ['the copay is too high', []],
  ['thanks, all good', []],
]
  .map(([text, kinds]) => JSON.stringify({ text, kinds }))
  .join('\n');

/** A locale folder with the en-US language profile, a one-rule rule file and a ten-line corpus. */
async function tinyLocale(): Promise<string> {
  const dir = await tempDir();
  const files = localeFiles('xx-XX', dir);
  copyFileSync(EN.language, files.language);
  writeFileSync(files.rules, TINY_RULES);
  writeFileSync(files.corpus, TINY_CORPUS);
  return dir;
}

describe('the committed en-US safety model', () => {
  it('was trained from the corpus, language profile and rules in the repository (npm run train:safety)', () => {
    const file = committed();
    expect(file.corpusSha256).toBe(sha256(readFileSync(EN.corpus, 'utf8')));
    expect(file.ordinarySha256).toBe(sha256(readFileSync(EN.ordinary, 'utf8')));
    expect(file.training.ordinary).toBeGreaterThan(1000);
    expect(file.languageSha256).toBe(sha256(readFileSync(EN.language, 'utf8')));
    expect(file.rulesSha256).toBe(sha256(readFileSync(EN.rules, 'utf8')));
    expect(file.featureVersion).toBe(SAFETY_FEATURE_VERSION);
    expect(file.labels).toEqual([...MODEL_LABELS]);
  });

  it('is what training the corpus now produces', () => {
    const file = committed();
    const retrained = trainSafetyModel(readLocaleSources('en-US'));
    expect(retrained.rows.length).toBe(file.rows.length);
    expect(retrained.thresholds).toEqual(file.thresholds);
    expect(retrained.temperature).toBeCloseTo(file.temperature, 3);
    // Rounded to 4 decimals; allow a last-digit flip from platform differences in exp/log.
    const drift = retrained.rows.reduce(
      (max, row, i) => row.reduce((m, w, k) => Math.max(m, Math.abs(w - file.rows[i]![k]!)), max),
      0,
    );
    expect(drift).toBeLessThanOrEqual(2e-4);
  }, 300_000);

  it('loads from the file when it is current', () => {
    expect(loadSafetyLocale('en-US').source).toBe('file');
  });

  it('has a threshold in (0, 1) for every kind', () => {
    for (const kind of SAFETY_KINDS) {
      expect(committed().thresholds[kind]).toBeGreaterThan(0);
      expect(committed().thresholds[kind]).toBeLessThan(1);
    }
  });
});

describe('training and loading a locale', () => {
  it('trains the same model twice from the same data (seeded)', async () => {
    const dir = await tinyLocale();
    const a = serialiseModelFile(trainSafetyModel(readLocaleSources('xx-XX', dir)));
    const b = serialiseModelFile(trainSafetyModel(readLocaleSources('xx-XX', dir)));
    expect(a).toBe(b);
  });

  it('retrains in memory when the model file is missing or the corpus changed since training', async () => {
    const dir = await tinyLocale();
    expect(loadSafetyLocale('xx-XX', dir)).toMatchObject({ source: 'retrained', reason: 'no model file' });
    const files = localeFiles('xx-XX', dir);
    writeFileSync(files.model, serialiseModelFile(trainSafetyModel(readLocaleSources('xx-XX', dir))));
    expect(loadSafetyLocale('xx-XX', dir).source).toBe('file');
    writeFileSync(files.corpus, `${TINY_CORPUS}\n${JSON.stringify({ text: 'new line', kinds: [] })}`);
    expect(loadSafetyLocale('xx-XX', dir)).toMatchObject({
      source: 'retrained',
      reason: 'corpus changed since the model was trained',
    });
  });

  it('trains ordinary messages as labels that are no finding, and retrains when they change', async () => {
    const dir = await tinyLocale();
    const files = localeFiles('xx-XX', dir);
    const ordinary = (lines: Array<[string, string]>) =>
      lines.map(([text, barrier]) => JSON.stringify({ text, barrier })).join('\n');
    writeFileSync(
      files.ordinary,
      ordinary([
        ['the pharmacy is far away', 'access'],
        ['all good here', 'none'],
      ]),
    );
    const file = trainSafetyModel(readLocaleSources('xx-XX', dir));
    expect(file.training).toMatchObject({ examples: 12, ordinary: 2, hardNegatives: 2 });
    expect(file.labels).toContain('ordinary_access');
    const model = unpackSafetyModel(file);
    const access = MODEL_LABELS.indexOf('ordinary_access');
    expect(isNoFinding(access) && isNoFinding(0)).toBe(true);
    expect(SAFETY_KINDS.map((k) => isNoFinding(MODEL_LABELS.indexOf(k)))).toEqual([false, false, false, false]);
    // The ordinary line's own words lean to its label, not to a kind.
    const z = logits(
      model.softmax,
      spanVector(
        tokenFeatures(tokenise('pharmacy far away', profile).tokens, profile, model.features.dim),
        { from: 0, to: 3 },
        model.features,
      ),
    );
    expect(z.indexOf(Math.max(...z))).toBe(access);

    writeFileSync(files.model, serialiseModelFile(file));
    expect(loadSafetyLocale('xx-XX', dir).source).toBe('file');
    writeFileSync(files.ordinary, ordinary([['the pharmacy is far away', 'access']]));
    expect(loadSafetyLocale('xx-XX', dir)).toMatchObject({
      source: 'retrained',
      reason: 'ordinary messages changed since the model was trained',
    });
  });

  it('retrains when the rules changed since training', async () => {
    const dir = await tinyLocale();
    const files = localeFiles('xx-XX', dir);
    writeFileSync(files.model, serialiseModelFile(trainSafetyModel(readLocaleSources('xx-XX', dir))));
    writeFileSync(
      files.rules,
      `${TINY_RULES}  - kind: crisis\n    cue: other\n    patterns:\n      - "\\\\bctb\\\\b"\n`,
    );
    expect(loadSafetyLocale('xx-XX', dir).reason).toBe('rules changed since the model was trained');
  });

  it('refuses a locale with neither a current model nor a corpus', async () => {
    const dir = await tinyLocale();
    const files = localeFiles('xx-XX', dir);
    rmSync(files.corpus);
    writeFileSync(files.model, '{"format": "something else"}');
    expect(() => loadSafetyLocale('xx-XX', dir)).toThrow(
      'safety xx-XX: model file does not match its schema, and there is no corpus to train from',
    );
  });
});
