import { createOfflineDiagnosisEngine } from '../agents/barrier/offline-diagnosis.js';
import { barrierCaseLocales, barrierCasesPath, evaluateBarrierEngine, loadBarrierCases } from './barrier-eval.js';
import { formatBarrierReport } from './barrier-report-format.js';

/**
 * `npm run eval:barrier`: the offline engine over each locale's held-out cases; exits 1 below
 * target (a CI gate). English must keep its macro-F1; every other locale must come within
 * 0.05 of English accuracy. Each other locale's cases are also run with an English subject
 * locale, so language detection (reading the text with its own language's model) is measured.
 */
const TARGET_MACRO_F1 = 0.85;
const MAX_ACCURACY_GAP = 0.05;

const engine = createOfflineDiagnosisEngine();
const failures: string[] = [];
const summary: string[] = [];
let englishAccuracy = 0;
for (const locale of barrierCaseLocales()) {
  const cases = loadBarrierCases(barrierCasesPath(locale));
  const result = await evaluateBarrierEngine(engine, cases, locale);
  console.log(`${formatBarrierReport(result)}\n`);
  summary.push(
    `${locale}: macro-F1 ${result.macroF1.toFixed(3)}, accuracy ${result.accuracy.toFixed(3)}, n=${result.cases}`,
  );
  if (locale === 'en-US') {
    englishAccuracy = result.accuracy;
    if (result.macroF1 < TARGET_MACRO_F1)
      failures.push(`en-US macro-F1 ${result.macroF1.toFixed(3)} < ${TARGET_MACRO_F1}`);
    continue;
  }
  if (result.accuracy < englishAccuracy - MAX_ACCURACY_GAP)
    failures.push(`${locale} accuracy ${result.accuracy.toFixed(3)} is more than ${MAX_ACCURACY_GAP} below en-US`);
  const detected = await evaluateBarrierEngine(engine, cases, 'en-US');
  summary.push(
    `${locale} cases with an en-US subject (language detection): macro-F1 ${detected.macroF1.toFixed(3)}, ` +
      `accuracy ${detected.accuracy.toFixed(3)}`,
  );
}
console.log(summary.join('\n'));
for (const failure of failures) console.error(failure);
if (failures.length > 0) process.exitCode = 1;
