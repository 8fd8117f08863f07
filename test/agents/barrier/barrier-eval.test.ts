import { describe, expect, it } from 'vitest';
import { createOfflineDiagnosisEngine } from '../../../agents/barrier/offline-diagnosis.js';
import { evaluateBarrierEngine, loadBarrierCases } from '../../../evals/barrier-eval.js';
import { formatBarrierReport } from '../../../evals/barrier-report-format.js';
import { BARRIERS } from '../../../src/domain/block.js';

describe('offline barrier diagnosis on the held-out evaluation cases', () => {
  it('reaches macro-F1 ≥ 0.85 over all cases', async () => {
    const cases = loadBarrierCases();
    expect(cases.length).toBeGreaterThanOrEqual(150);
    const result = await evaluateBarrierEngine(createOfflineDiagnosisEngine(), cases);
    console.log(formatBarrierReport(result));
    expect(result.cases).toBe(cases.length);
    expect(result.perBarrier.map((m) => m.label)).toEqual([...BARRIERS]);
    expect(result.macroF1).toBeGreaterThanOrEqual(0.85);
    // Confidence should mean something: wrong answers come with less of it.
    expect(result.meanConfidence.wrong).toBeLessThan(result.meanConfidence.correct);
  });
});
