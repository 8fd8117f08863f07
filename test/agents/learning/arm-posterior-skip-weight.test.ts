import { describe, expect, it } from 'vitest';
import { armPosterior } from '../../../agents/learning/arm-posterior.js';
import { SKIP } from '../../../agents/learning/learning-action.js';
import { createLearnerState, recordOutcome } from '../../../agents/learning/outcome-counts.js';
import { send } from './learning-fixtures.js';

describe("the skip arm's own programme weight", () => {
  // 2,000 other subjects' outcomes on each arm, 60 % achieved.
  const state = createLearnerState();
  for (let i = 0; i < 2000; i++) {
    for (const action of [SKIP, send('7.1', 'sms')]) {
      recordOutcome(state, { subject: `o${i}`, barrier: 'forgetfulness', action, achieved: i % 5 < 3 });
    }
  }
  const mass = (p: { alpha: number; beta: number }) => p.alpha + p.beta;

  it('lends the skip arm more programme observations than the sends when set, and no more otherwise', () => {
    const config = { programmeWeight: 100, designWeight: 2, skipProgrammeWeight: 1000 };
    const skip = armPosterior(state, 's1', 'forgetfulness', SKIP, null, config);
    const sms = armPosterior(state, 's1', 'forgetfulness', send('7.1', 'sms'), 0, config);
    expect(mass(skip)).toBeCloseTo(2 + 1000, 6);
    expect(mass(sms)).toBeCloseTo(2 + 100, 6);
    // Design prior 1 of 2, plus 1,000 observations at the Laplace-smoothed rate 1,201 / 2,002.
    expect(skip.mean).toBeCloseTo((1 + (1000 * 1201) / 2002) / 1002, 9);
    const plain = armPosterior(state, 's1', 'forgetfulness', SKIP, null, { programmeWeight: 100, designWeight: 2 });
    expect(mass(plain)).toBeCloseTo(2 + 100, 6);
  });
});
