import { describe, expect, it } from 'vitest';
import { createOfflineSafetyEngine } from '../../../agents/safety/offline-safety-engine.js';
import { SAFETY_KINDS } from '../../../agents/safety/safety-types.js';
import {
  CRISIS_PRECISION_FLOOR,
  evaluateSafetyEngine,
  loadSafetyCases,
  SAFETY_TARGETS,
  safetyCasesPath,
} from '../../../evals/safety-eval.js';

/**
 * The targets, per locale, on cases the engine never trained on
 * (`npm run eval:safety-report [-- es-US]` prints the details).
 */
describe.each(['en-US', 'es-US'])('offline safety triage on the held-out %s cases', async (locale) => {
  const result = await evaluateSafetyEngine(
    createOfflineSafetyEngine(),
    loadSafetyCases(safetyCasesPath(locale)),
    locale,
  );
  const of = (kind: (typeof SAFETY_KINDS)[number]) => result.perKind.find((m) => m.kind === kind)!;

  it("reads every case with the locale's own data (no fallback)", async () => {
    const { report } = await createOfflineSafetyEngine().triage({ locale, texts: [] });
    expect(report.fallback).toBeUndefined();
    expect(result.cases).toBeGreaterThanOrEqual(400);
  });

  it.each(SAFETY_KINDS)('%s recall reaches its target', (kind) => {
    expect(of(kind).recall).toBeGreaterThanOrEqual(SAFETY_TARGETS.recall[kind]);
  });

  // The 0.90 target (SAFETY_TARGETS) is not reached yet; this holds what is reached (see CRISIS_PRECISION_FLOOR).
  it('crisis precision holds its floor against everything else, hard negatives included', () => {
    expect(of('crisis').precision).toBeGreaterThanOrEqual(CRISIS_PRECISION_FLOOR);
  });
});
