import { readFileSync, writeFileSync } from 'node:fs';
import { CORPUS_PATH, MODEL_PATH } from './barrier-corpus.js';
import { serialiseModelFile } from './model-file.js';
import { trainBarrierModel } from './train-model.js';

/** `npm run train:barrier`: retrains from the corpus and writes the committed model file. */
const started = performance.now();
const file = trainBarrierModel(readFileSync(CORPUS_PATH, 'utf8'));
writeFileSync(MODEL_PATH, serialiseModelFile(file));
const t = file.training;
console.log(
  `barrier model: ${t.examples} utterances, ${file.rows.length} feature rows, ` +
    `cv accuracy ${t.cvAccuracy}, temperature ${file.temperature} ` +
    `(cv NLL ${t.cvNllBefore} → ${t.cvNllAfter}), ${Math.round(performance.now() - started)} ms`,
);
console.log(`wrote ${MODEL_PATH}`);
