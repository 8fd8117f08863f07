import { readFileSync } from 'node:fs';
import { localeFiles } from '../agents/safety/locale-files.js';
import { createOfflineSafetyEngine } from '../agents/safety/offline-safety-engine.js';
import { SafetyModelFile } from '../agents/safety/safety-model-file.js';
import { heldOutArgs } from './held-out-args.js';
import { evaluateSafetyEngine, HELD_OUT_SETS, loadSafetyCases, missedTargets, safetyCasesPath } from './safety-eval.js';
import { formatSafetyReport } from './safety-report-format.js';

/**
 * `npm run eval:safety-report [-- locale [a–i]]`: the offline engine on a held-out set (`a` by
 * default); exits 1 when a target is missed.
 */
const { fail, sets } = heldOutArgs('eval:safety-report', 'npm run eval:safety-report -- [locale] [one set letter]');
const [locale = 'en-US', letter = 'a'] = process.argv.slice(2);
if (letter.length !== 1) fail(`one set letter, from ${HELD_OUT_SETS.join('')}`);
const set = sets(letter, locale)[0]!;
const result = await evaluateSafetyEngine(
  createOfflineSafetyEngine(),
  loadSafetyCases(safetyCasesPath(locale, set)),
  locale,
);
console.log(`held-out set ${set}`);
const model = SafetyModelFile.parse(JSON.parse(readFileSync(localeFiles(locale).model, 'utf8')));
console.log(formatSafetyReport(result, model));
const missed = missedTargets(result);
if (missed.length > 0) {
  console.error(`\ntargets missed: ${missed.join('; ')}`);
  process.exitCode = 1;
}
