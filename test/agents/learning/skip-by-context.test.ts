import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../agents/learning/seeded-random.js';
import { type ContextCounts, recordContextOutcome, skipByContext } from '../../../agents/learning/skip-by-context.js';

function outcomes(counts: ContextCounts, recent: number, sent: boolean, achieved: number, missed: number) {
  for (let i = 0; i < achieved + missed; i++)
    recordContextOutcome(counts, { recent, refillDue: false }, sent, i < achieved);
}

const skipShare = (counts: ContextCounts, recent: number, refillDue = false) => {
  const random = seededRandom('skip-context');
  let skips = 0;
  for (let i = 0; i < 500; i++) skips += Number(skipByContext(counts, { recent, refillDue }, random));
  return skips / 500;
};

describe('skip or send by context', () => {
  // After two messages this week skipping has done better; with none, sending has.
  const counts: ContextCounts = new Map();
  outcomes(counts, 2, false, 700, 300);
  outcomes(counts, 2, true, 600, 400);
  outcomes(counts, 0, false, 600, 400);
  outcomes(counts, 0, true, 700, 300);

  it("follows the programme's outcomes in the day's context", () => {
    expect(skipShare(counts, 2)).toBeGreaterThan(0.95);
    expect(skipShare(counts, 0)).toBeLessThan(0.05);
  });

  it('puts three or more recent messages with two, and keeps refill days apart', () => {
    expect(skipShare(counts, 3)).toBeGreaterThan(0.95);
    // Nothing is known yet about refill days: an even chance either way.
    const refill = skipShare(counts, 2, true);
    expect(refill).toBeGreaterThan(0.35);
    expect(refill).toBeLessThan(0.65);
  });
});
