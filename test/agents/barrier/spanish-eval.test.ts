import { describe, expect, it } from 'vitest';
import { createOfflineDiagnosisEngine } from '../../../agents/barrier/offline-diagnosis.js';
import { barrierCasesPath, evaluateBarrierEngine, loadBarrierCases } from '../../../evals/barrier-eval.js';
import { formatBarrierReport } from '../../../evals/barrier-report-format.js';

describe('offline barrier diagnosis on the held-out Spanish cases', () => {
  const engine = createOfflineDiagnosisEngine();

  it('comes within 0.05 of English accuracy, with confidence that separates right from wrong', async () => {
    const english = await evaluateBarrierEngine(engine, loadBarrierCases(barrierCasesPath('en-US')), 'en-US');
    const spanish = await evaluateBarrierEngine(engine, loadBarrierCases(barrierCasesPath('es-US')), 'es-US');
    console.log(formatBarrierReport(spanish));
    expect(spanish.locale).toBe('es-US');
    expect(spanish.accuracy).toBeGreaterThanOrEqual(english.accuracy - 0.05);
    expect(spanish.macroF1).toBeGreaterThanOrEqual(0.8);
    expect(spanish.meanConfidence.wrong).toBeLessThan(spanish.meanConfidence.correct);
  });

  it('reads the Spanish cases as well when the subject locale says English (language detection)', async () => {
    const cases = loadBarrierCases(barrierCasesPath('es-US'));
    const asSpanish = await evaluateBarrierEngine(engine, cases, 'es-US');
    const asEnglish = await evaluateBarrierEngine(engine, cases, 'en-US');
    expect(asEnglish.accuracy).toBeGreaterThanOrEqual(asSpanish.accuracy - 0.02);
  });
});
