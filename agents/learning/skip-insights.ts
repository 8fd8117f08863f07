import jStat from 'jstat';

/** Decisions to send nothing for one barrier, and what followed them (the skip-arm rows of the counts). */
export type SkipGroup = {
  barrier: string;
  decided: number;
  achieved: number;
  notAchieved: number;
  pending: number;
  /** Decided outcomes of known subjects: what the learner counts. */
  learnAchieved: number;
  learnNotAchieved: number;
};

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The send-nothing arm per barrier, beside the sent options: how often the target behaviour followed a
 * skip, and its posterior chance (Beta(1, 1) prior, known subjects' outcomes) with a 95 % credible
 * interval, so a strategist can see whether silence does as well as a message for that barrier.
 */
export function skipInsights(groups: readonly SkipGroup[]) {
  const byBarrier = new Map<string, SkipGroup>();
  for (const g of groups) {
    const t = byBarrier.get(g.barrier) ?? {
      ...g,
      decided: 0,
      achieved: 0,
      notAchieved: 0,
      pending: 0,
      learnAchieved: 0,
      learnNotAchieved: 0,
    };
    t.decided += g.decided;
    t.achieved += g.achieved;
    t.notAchieved += g.notAchieved;
    t.pending += g.pending;
    t.learnAchieved += g.learnAchieved;
    t.learnNotAchieved += g.learnNotAchieved;
    byBarrier.set(g.barrier, t);
  }
  return [...byBarrier.values()]
    .sort((x, y) => x.barrier.localeCompare(y.barrier))
    .map(({ learnAchieved, learnNotAchieved, ...t }) => {
      const a = 1 + learnAchieved;
      const b = 1 + learnNotAchieved;
      const decided = t.achieved + t.notAchieved;
      return {
        ...t,
        rate: decided ? t.achieved / decided : null,
        pAchieve: r3(a / (a + b)),
        interval: [r3(jStat.beta.inv(0.025, a, b)), r3(jStat.beta.inv(0.975, a, b))] as [number, number],
      };
    });
}
