import { describe, expect, it } from 'vitest';
import { capRecheck } from '../../src/compose/over-cap.js';
import type { ComposeAnswer } from '../../src/domain/compose.js';

// The store checks `reachedAt` in SQL inside the run's one flight and falls back to `settle` only when it
// refuses: the two must decide alike, or a run would be sent past a limit or blocked under it.
const answer = {
  id: 'msg_x',
  status: 'approved',
  compliance: { verdict: 'pass', checks: [{ rule: 'frequency', passed: true, detail: 'fine' }] },
} as unknown as ComposeAnswer;

const reached = (limits: { inWindow: number; lastWeek: number | null }, sent: { inWindow: number; lastWeek: number }) =>
  sent.inWindow >= limits.inWindow || (limits.lastWeek !== null && sent.lastWeek >= limits.lastWeek);

describe('capRecheck', () => {
  for (const pacing of [
    { cap: 3, windowDays: 7 },
    { cap: 1, windowDays: 2 },
    { cap: 5, windowDays: 14, maxPerWeek: 2 },
    { cap: 2, windowDays: 7, maxPerWeek: 4 },
  ]) {
    it(`names the counts at which settle blocks (cap ${pacing.cap}, weekly maximum ${pacing.maxPerWeek ?? 'none'})`, () => {
      const recheck = capRecheck(answer, pacing);
      expect(recheck.reachedAt).toEqual({ inWindow: pacing.cap, lastWeek: pacing.maxPerWeek ?? null });
      for (let inWindow = 0; inWindow <= 6; inWindow++) {
        for (let lastWeek = 0; lastWeek <= 6; lastWeek++) {
          const sent = { inWindow, lastWeek };
          expect(recheck.settle(sent) !== undefined, JSON.stringify(sent)).toBe(reached(recheck.reachedAt, sent));
        }
      }
    });
  }
});
