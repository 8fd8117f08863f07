import { createOfflineDiagnosisEngine } from '../agents/barrier/offline-diagnosis.js';
import { evaluateBarrierEngine, loadBarrierCases } from './barrier-eval.js';
import { formatBarrierReport } from './barrier-report-format.js';

/** `npm run eval:barrier`: the offline engine over the held-out cases; exits 1 below target (a CI gate). */
const TARGET_MACRO_F1 = 0.85;

const result = await evaluateBarrierEngine(createOfflineDiagnosisEngine(), loadBarrierCases());
console.log(formatBarrierReport(result));
if (result.macroF1 < TARGET_MACRO_F1) {
  console.error(`macro-F1 ${result.macroF1.toFixed(3)} is below the target ${TARGET_MACRO_F1}`);
  process.exitCode = 1;
}
