import { readFileSync, writeFileSync } from 'node:fs';
import { loadProfile } from '../language/profile-files.js';
import { corpusLocales, corpusPath, modelPath } from './barrier-corpus.js';
import { serialiseModelFile } from './model-file.js';
import { trainBarrierModel } from './train-model.js';

/** `npm run train:barrier`: retrains every locale that has a corpus and writes its committed model file. */
for (const locale of corpusLocales()) {
  const started = performance.now();
  const file = trainBarrierModel(readFileSync(corpusPath(locale), 'utf8'), loadProfile(locale));
  writeFileSync(modelPath(locale), serialiseModelFile(file));
  const t = file.training;
  console.log(
    `${locale} barrier model: ${t.examples} utterances, ${file.rows.length} feature rows, ` +
      `cv accuracy ${t.cvAccuracy}, temperature ${file.temperature} ` +
      `(cv NLL ${t.cvNllBefore} → ${t.cvNllAfter}), ${Math.round(performance.now() - started)} ms`,
  );
  console.log(`wrote ${modelPath(locale)}`);
}
