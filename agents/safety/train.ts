import { existsSync, writeFileSync } from 'node:fs';
import { serialiseModelFile } from '../barrier/model-file.js';
import { readLocaleSources } from './load-safety-locale.js';
import { availableLocales, localeFiles } from './locale-files.js';
import { SAFETY_KINDS } from './safety-types.js';
import { trainSafetyModel } from './train-safety-model.js';

/**
 * `npm run train:safety [-- es-US ...]`: retrains every locale that has a corpus (or the
 * ones named) and writes `agents/data/safety-model.<locale>.json`.
 */
const named = process.argv.slice(2);
const locales = named.length > 0 ? named : availableLocales().filter((l) => existsSync(localeFiles(l).corpus));
if (locales.length === 0) {
  console.error('no safety corpus found in agents/data');
  process.exit(2);
}
for (const locale of locales) {
  const started = performance.now();
  const file = trainSafetyModel(readLocaleSources(locale));
  writeFileSync(localeFiles(locale).model, serialiseModelFile(file));
  const t = file.training;
  console.log(
    `safety model ${locale}: ${t.examples} lines (${t.hardNegatives} hard negatives), ${file.rows.length} feature rows, ` +
      `${Math.round(performance.now() - started)} ms`,
  );
  for (const kind of SAFETY_KINDS) {
    const cv = file.crossValidation[kind];
    console.log(
      `  ${kind.padEnd(20)} n=${String(cv.positives).padStart(4)}  cv recall ${cv.recall.toFixed(3)}  ` +
        `precision ${cv.precision.toFixed(3)}  rules alone ${cv.ruleRecall.toFixed(3)}  ` +
        `hard negatives flagged ${(cv.hardNegativeRate * 100).toFixed(1)} %  ordinary flagged ${(cv.ordinaryRate * 100).toFixed(1)} %  threshold ${file.thresholds[kind]}`,
    );
  }
  console.log(`wrote ${localeFiles(locale).model}`);
}
