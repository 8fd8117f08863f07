import { describe, expect, it } from 'vitest';
import { type KindScore, yieldCrisis } from '../../../agents/safety/safety-classifier.js';
import { SAFETY_KINDS } from '../../../agents/safety/safety-types.js';

const span = (from: number) => ({ from, to: from + 5 });
/** Scores in SAFETY_KINDS order, each from its own span. */
const scores = (perKind: Partial<Record<(typeof SAFETY_KINDS)[number], number>>): KindScore[] =>
  SAFETY_KINDS.map((kind, k) => ({ score: perKind[kind] ?? 0, span: perKind[kind] ? span(k * 10) : null }));
const crisisOf = (best: KindScore[]) => best[SAFETY_KINDS.indexOf('crisis')]!.score;

describe('the classifier yields a crisis to a kind it is surer of', () => {
  it('drops a weak crisis when another span is surely another kind, and keeps that kind', () => {
    const best = yieldCrisis(scores({ crisis: 0.3, adverse_event: 0.8 }));
    expect(crisisOf(best)).toBe(0);
    expect(best[SAFETY_KINDS.indexOf('adverse_event')]!.score).toBe(0.8);
  });

  it('keeps a crisis it is as sure of as the other kind, so both are findings', () => {
    expect(crisisOf(yieldCrisis(scores({ crisis: 0.6, medical_information: 0.9 })))).toBe(0.6);
    expect(crisisOf(yieldCrisis(scores({ crisis: 0.5, adverse_event: 0.7 })))).toBe(0.5);
  });

  it('keeps any crisis score when no other kind is sure', () => {
    expect(crisisOf(yieldCrisis(scores({ crisis: 0.2, product_complaint: 0.49 })))).toBe(0.2);
    expect(crisisOf(yieldCrisis(scores({ crisis: 0.2 })))).toBe(0.2);
  });
});
