import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSafetyLocale } from '../../agents/safety/load-safety-locale.js';
import { createOfflineSafetyEngine } from '../../agents/safety/offline-safety-engine.js';
import { SAFETY_KINDS } from '../../agents/safety/safety-types.js';
import { type CaseReading, operatingCurve, pointAt, readCases } from '../../evals/safety-curve.js';
import { evaluateSafetyEngine, loadSafetyCases, safetyCasesPath } from '../../evals/safety-eval.js';

const reading = (positive: boolean, score: number, rule = false): CaseReading => ({ positive, rule, score });

describe('the operating curve of a kind over held-out cases', () => {
  it('keeps each number of false alarms once, with the fewest misses any threshold gives for it', () => {
    const readings = [
      reading(true, 0.9),
      reading(true, 0.5),
      reading(true, 0.2),
      reading(true, 0), // ruled out by the guards: no threshold finds it
      reading(true, 0, true),
      reading(false, 0.6),
      reading(false, 0.3),
      reading(false, 0.1),
      reading(false, 0, true),
    ];
    expect(operatingCurve(readings)).toEqual([
      { threshold: 0.9, missed: 3, falseAlarms: 1 },
      { threshold: 0.5, missed: 2, falseAlarms: 2 },
      { threshold: 0.2, missed: 1, falseAlarms: 3 },
    ]);
  });

  it('is the frontier: along it misses fall as false alarms rise, and no threshold does better', () => {
    const arbitraryReading = fc.record({
      positive: fc.boolean(),
      rule: fc.boolean(),
      score: fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 0.999, noNaN: true })),
    });
    fc.assert(
      fc.property(fc.array(arbitraryReading, { maxLength: 60 }), (readings) => {
        const curve = operatingCurve(readings);
        for (const p of curve) expect(pointAt(readings, p.threshold)).toEqual(p);
        for (let i = 1; i < curve.length; i++) {
          expect(curve[i]!.threshold).toBeLessThan(curve[i - 1]!.threshold);
          expect(curve[i]!.missed).toBeLessThan(curve[i - 1]!.missed);
          expect(curve[i]!.falseAlarms).toBeGreaterThan(curve[i - 1]!.falseAlarms);
        }
        for (const t of [Number.POSITIVE_INFINITY, ...readings.map((r) => r.score)]) {
          const other = pointAt(readings, t);
          expect(curve.some((p) => p.missed <= other.missed && p.falseAlarms <= other.falseAlarms)).toBe(true);
        }
      }),
    );
  });

  it.each(['en-US', 'es-US'])(
    'at the model’s own threshold counts what the offline engine finds in %s, kind by kind',
    async (locale) => {
      const cases = loadSafetyCases(safetyCasesPath(locale, 'a'));
      const data = loadSafetyLocale(locale);
      const result = await evaluateSafetyEngine(createOfflineSafetyEngine(), cases, locale);
      SAFETY_KINDS.forEach((kind, k) => {
        const at = pointAt(readCases(data, cases, kind), data.model.thresholds[k]!);
        const engine = result.perKind.find((m) => m.kind === kind)!;
        expect([kind, at.missed, at.falseAlarms]).toEqual([kind, engine.support - engine.found, engine.falseAlarms]);
      });
    },
  );
});
