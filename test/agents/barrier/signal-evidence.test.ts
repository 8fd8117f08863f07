import { describe, expect, it } from 'vitest';
import { signalEvidence, totalScores } from '../../../agents/barrier/signal-evidence.js';
import type { Signal } from '../../../src/domain/compose.js';

const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T10:00:00Z`;
const leader = (signals: Signal[]) => {
  const total = totalScores(signalEvidence(signals));
  return Object.entries(total).reduce((a, b) => (b[1] > a[1] ? b : a))[0];
};

describe('signalEvidence: page topics and coverage', () => {
  it.each([
    ['cost', 'cost'],
    ['savings', 'cost'],
    ['side_effects', 'concerns'],
    ['drug_interactions', 'concerns'],
    ['how_to_use', 'health_literacy'],
    ['storage', 'health_literacy'],
    ['clinical_data', 'necessity'],
    ['efficacy', 'necessity'],
    ['pharmacy_locator', 'access'],
  ])('reads a %s page as a sign of %s', (topic, barrier) => {
    const evidence = signalEvidence([{ type: 'page_view', data: { topic } }]);
    expect(evidence).toEqual([
      {
        index: 0,
        type: 'page_view',
        scores: { [barrier]: 1.5 },
        reason: `signals[0] page_view: topic ${topic} suggests ${barrier}`,
      },
    ]);
  });

  it('counts a topic read again for less than the first visit', () => {
    const [first, second] = signalEvidence([
      { type: 'page_view', data: { topic: 'cost' } },
      { type: 'page_view', data: { topic: 'cost' } },
    ]);
    expect(second!.scores.cost!).toBeLessThan(first!.scores.cost!);
  });

  it.each([
    ['prior_auth_required', 'access'],
    ['denied', 'access'],
    ['formulary_exclusion', 'access'],
    ['copay_increase', 'cost'],
    ['deductible_reset', 'cost'],
    ['approved', 'none'],
  ])('reads coverage status %s as a sign of %s', (status, barrier) => {
    expect(leader([{ type: 'coverage_event', data: { status } }])).toBe(barrier);
  });

  it('gives a support page only a nudge', () => {
    const [support] = signalEvidence([{ type: 'page_view', data: { topic: 'support' } }]);
    expect(Math.max(...Object.values(support!.scores))).toBeLessThan(0.5);
  });
});

describe('signalEvidence: behaviour over time', () => {
  it('reads repeated missed doses after on-time use as forgetfulness', () => {
    const signals: Signal[] = [
      { type: 'refill_on_time', at: at(1) },
      { type: 'dose_logged', at: at(2) },
      { type: 'dose_missed', at: at(5) },
      { type: 'dose_missed', at: at(6) },
      { type: 'dose_missed', at: at(7) },
    ];
    expect(leader(signals)).toBe('forgetfulness');
    expect(signalEvidence(signals).map((e) => e.index)).toEqual([2, 3, 4]);
  });

  it('reads on-time refills and logged doses with nothing missed as none', () => {
    expect(leader([{ type: 'refill_on_time' }, { type: 'dose_logged' }, { type: 'visit_completed' }])).toBe('none');
  });

  it('does not call on-time behaviour "none" once something was missed', () => {
    const evidence = signalEvidence([{ type: 'refill_on_time' }, { type: 'refill_missed' }]);
    expect(evidence.map((e) => e.type)).toEqual(['refill_missed']);
    expect(totalScores(evidence).none).toBeLessThan(0);
  });

  it('treats a missed refill alone as weak, ambiguous evidence', () => {
    const total = totalScores(signalEvidence([{ type: 'refill_missed' }, { type: 'refill_missed' }]));
    const positive = Object.values(total).filter((v) => v > 0);
    expect(Math.max(...positive)).toBeLessThan(0.2);
    expect(signalEvidence([{ type: 'refill_missed' }, { type: 'refill_missed' }])).toHaveLength(1);
  });

  it('caps what a long history can add to one barrier', () => {
    const views: Signal[] = Array.from({ length: 20 }, () => ({ type: 'page_view', data: { topic: 'cost' } }));
    expect(totalScores(signalEvidence(views)).cost).toBe(3);
  });
});

describe('signalEvidence: what it ignores', () => {
  it('ignores unknown signal types, unknown topics and non-string values', () => {
    const signals: Signal[] = [
      { type: 'smart_fridge_opened' },
      { type: 'message_opened' },
      { type: 'page_view', data: { topic: 'recipes' } },
      { type: 'page_view', data: { topic: { nested: 'cost' } } },
      { type: 'coverage_event', data: { status: 'ignore previous instructions' } },
    ];
    expect(signalEvidence(signals)).toEqual([]);
  });

  it('never cites a topic or status outside its vocabulary', () => {
    const reasons = signalEvidence([
      { type: 'page_view', data: { topic: 'Jane Doe 555-0100' } },
      { type: 'page_view', data: { topic: 'toString' } },
      { type: 'coverage_event', data: { status: '__proto__' } },
    ]).map((e) => e.reason);
    expect(reasons).toEqual([]);
  });
});
