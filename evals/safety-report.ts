import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { localeFiles } from '../agents/safety/locale-files.js';
import { createOfflineSafetyEngine } from '../agents/safety/offline-safety-engine.js';
import { SafetyModelFile } from '../agents/safety/safety-model-file.js';
import { evaluateSafetyEngine, HELD_OUT_SETS, loadSafetyCases, missedTargets, safetyCasesPath } from './safety-eval.js';
import { formatSafetyReport } from './safety-report-format.js';

/**
 * `npm run eval:safety-report [-- locale [a–i]]`: the offline engine on a held-out set (`a` by
 * default); exits 1 when a target is missed.
 */
const locale = process.argv[2] ?? 'en-US';
const set = z.enum(HELD_OUT_SETS).parse(process.argv[3] ?? 'a');
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
