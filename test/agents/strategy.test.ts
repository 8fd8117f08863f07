import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planTechniques } from '../../agents/strategy/offline-strategy.js';
import type { Barrier } from '../../src/domain/block.js';
import type { SubjectHistory } from '../../src/domain/history.js';

// DESIGN.md "Barriers and techniques", written out here so the test reads like the table. Trust's
// "transparent uncertainty" has no BCT of its own; 4.2 (information about antecedents) carries it.
const DESIGN_TABLE: Record<Exclude<Barrier, 'none'>, string[]> = {
  cost: ['3.2', '1.2', '12.1'],
  concerns: ['5.1', '9.1', '1.2', '11.2'],
  necessity: ['5.1', '5.2', '2.2', '9.1'],
  trust: ['9.1', '3.1', '4.2'],
  health_literacy: ['4.1', '6.1'],
  forgetfulness: ['7.1', '8.3', '1.4'],
  access: ['3.2', '1.2', '12.1'],
  social_influence: ['3.1', '6.3', '13.2'],
  emotional: ['3.3', '11.2', '15.1'],
};
const BARRIERS = Object.keys(DESIGN_TABLE) as Array<keyof typeof DESIGN_TABLE>;

// The taxonomy file itself (Michie et al. 2013) is the source of truth for names.
const taxonomy = JSON.parse(readFileSync(new URL('../../agents/data/bct-taxonomy.json', import.meta.url), 'utf8')) as {
  techniques: Array<{ code: string; name: string }>;
};
const NAMES = new Map(taxonomy.techniques.map((t) => [t.code, t.name]));

const NO_HISTORY: SubjectHistory = { recentMessages: [], recentBarriers: [] };

/** A history in which the subject got a message with these techniques two days ago. */
function sentRecently(barrier: string, techniques: string[]): SubjectHistory {
  const at = new Date(Date.now() - 2 * 86_400_000).toISOString();
  return { recentMessages: [{ at, channel: 'sms', barrier, techniques, blockIds: ['X-1'] }], recentBarriers: [] };
}

const plan = (barrier: Barrier, history = NO_HISTORY, confidence = 0.9) =>
  planTechniques({ diagnosis: { barrier, confidence, evidence: [], alternatives: [] }, history, audience: 'patient' });

describe('offline strategy', () => {
  it('keeps the BCT taxonomy v1 as data: 93 coded techniques', () => {
    expect(NAMES.size).toBe(93);
    expect(NAMES.get('3.2')).toMatch(/social support \(practical\)/i);
  });

  it.each(BARRIERS)('plans 1–3 techniques from the design table for %s', (barrier) => {
    const { techniques, rationale } = plan(barrier);
    expect(techniques.length).toBeGreaterThanOrEqual(1);
    expect(techniques.length).toBeLessThanOrEqual(3);
    const codes = techniques.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const t of techniques) {
      expect(DESIGN_TABLE[barrier]).toContain(t.code);
      expect(t.name).toBe(NAMES.get(t.code));
    }
    // With nothing sent yet, the table's first choice leads.
    expect(codes[0]).toBe(DESIGN_TABLE[barrier][0]);
    expect(rationale).toContain(barrier);
  });

  it('plans no technique for none (engagement restraint) and says why', () => {
    const { techniques, rationale } = plan('none');
    expect(techniques).toEqual([]);
    expect(rationale).toMatch(/no (barrier|message)/i);
  });

  it('names every technique it chose in the rationale, for a reviewer', () => {
    const { techniques, rationale } = plan('emotional');
    for (const t of techniques) expect(rationale).toContain(t.code);
  });

  describe('with history: avoids techniques used in the last week when alternatives exist', () => {
    it('drops a recently used technique when the barrier has three others (concerns)', () => {
      const codes = plan('concerns', sentRecently('concerns', ['5.1'])).techniques.map((t) => t.code);
      expect(codes).not.toContain('5.1');
      expect(codes).toEqual(['9.1', '1.2', '11.2']);
    });

    it('drops a recently used technique even when that leaves fewer than three (cost)', () => {
      const { techniques, rationale } = plan('cost', sentRecently('cost', ['3.2']));
      expect(techniques.map((t) => t.code)).toEqual(['1.2', '12.1']);
      expect(rationale).toContain('3.2');
    });

    it('counts techniques from messages about another barrier too (access after cost)', () => {
      const codes = plan('access', sentRecently('cost', ['3.2', '1.2'])).techniques.map((t) => t.code);
      expect(codes).toEqual(['12.1']);
    });

    it('repeats techniques only when every alternative was used, and says so', () => {
      const { techniques, rationale } = plan('health_literacy', sentRecently('health_literacy', ['4.1', '6.1']));
      expect(techniques.length).toBeGreaterThanOrEqual(1);
      for (const t of techniques) expect(DESIGN_TABLE.health_literacy).toContain(t.code);
      expect(rationale).toMatch(/no alternative/i);
    });

    it('is unaffected by techniques the barrier does not use', () => {
      const codes = plan('forgetfulness', sentRecently('cost', ['3.2', '1.2', '12.1'])).techniques.map((t) => t.code);
      expect(codes).toEqual(DESIGN_TABLE.forgetfulness);
    });
  });
});
