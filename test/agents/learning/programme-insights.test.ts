import { describe, expect, it } from 'vitest';
import { type OutcomeGroup, programmeInsights } from '../../../agents/learning/programme-insights.js';

const group = (g: Partial<OutcomeGroup>): OutcomeGroup => ({
  barrier: 'cost',
  technique: '3.2',
  channel: 'sms',
  blockIds: [],
  sent: 0,
  achieved: 0,
  notAchieved: 0,
  pending: 0,
  learnAchieved: 0,
  learnNotAchieved: 0,
  ...g,
});

describe('programmeInsights', () => {
  it('answers empty insights for a programme with no messages', () => {
    const r = programmeInsights([]);
    expect(r.descriptive.totals).toEqual({ sent: 0, achieved: 0, notAchieved: 0, pending: 0, rate: null });
    expect(r).toMatchObject({ options: [], best: [], neverWins: [] });
  });

  it('an option with nothing decided has the flat prior, and P(best) sums to one per barrier and channel', () => {
    const r = programmeInsights([
      group({ technique: '3.2', sent: 5, pending: 5 }),
      group({ technique: '1.2', sent: 10, achieved: 6, notAchieved: 4, learnAchieved: 6, learnNotAchieved: 4 }),
      group({
        technique: '1.2',
        channel: 'email',
        sent: 3,
        achieved: 1,
        notAchieved: 2,
        learnAchieved: 1,
        learnNotAchieved: 2,
      }),
    ]);
    const undecided = r.options.find((o) => o.technique === '3.2')!;
    expect(undecided).toMatchObject({ rate: null, pAchieve: 0.5 });
    expect(undecided.interval).toEqual([0.025, 0.975]);
    const sms = r.options.filter((o) => o.channel === 'sms');
    expect(sms.reduce((sum, o) => sum + o.pBest, 0)).toBeCloseTo(1, 6);
    expect(r.options.find((o) => o.channel === 'email')!.pBest).toBe(1);
    expect(r.best.map((b) => `${b.channel}:${b.technique}`)).toEqual(['email:1.2', 'sms:1.2']);
  });
});
