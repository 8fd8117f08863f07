import { describe, expect, it } from 'vitest';
import {
  createOpenState,
  type OpenState,
  openPosterior,
  ownOpens,
  recordOpen,
} from '../../../agents/learning/channel-opens.js';
import type { Channel } from '../../../src/domain/block.js';

function sends(state: OpenState, subject: string | undefined, channel: Channel, opened: number, unopened: number) {
  for (let i = 0; i < opened + unopened; i++) recordOpen(state, { subject, channel, opened: i < opened });
  return state;
}

describe('open counts and the open-rate posterior', () => {
  it('starts every channel at a flat Beta(1, 1)', () => {
    expect(openPosterior(createOpenState(), 's1', 'email', 10)).toEqual({ alpha: 1, beta: 1 });
  });

  it("lends the programme's open rate from other subjects, capped at the programme weight", () => {
    const state = sends(createOpenState(), 'other', 'email', 250, 750);
    // 1,000 others' sends at 25 % opened, worth 10 observations: 2.5 opened, 7.5 not.
    expect(openPosterior(state, 's1', 'email', 10)).toEqual({ alpha: 3.5, beta: 8.5 });
    expect(openPosterior(sends(createOpenState(), 'other', 'email', 1, 3), 's1', 'email', 10)).toEqual({
      alpha: 2,
      beta: 4,
    });
  });

  it("adds the subject's own opens at full weight and leaves them out of their programme prior", () => {
    const state = sends(createOpenState(), 'other', 'web', 100, 900);
    sends(state, 's1', 'web', 8, 0);
    const p = openPosterior(state, 's1', 'web', 10);
    expect(p.alpha).toBeCloseTo(1 + 1 + 8, 10);
    expect(p.beta).toBeCloseTo(1 + 9, 10);
    expect(ownOpens(state, 's1', 'web')).toEqual({ opened: 8, unopened: 0 });
    expect(ownOpens(state, 's1', 'email')).toEqual({ opened: 0, unopened: 0 });
  });

  it('counts an anonymous send in the programme only', () => {
    const state = sends(createOpenState(), undefined, 'push', 1, 1);
    expect(state.programme.get('push')).toEqual({ opened: 1, unopened: 1 });
    expect(state.subjects.size).toBe(0);
  });
});
