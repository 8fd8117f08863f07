import jStat from 'jstat';
import { sampleBeta, seededRandom } from './seeded-random.js';

/**
 * One group of sent messages with the same barrier, leading technique, channel and blocks. `sent`,
 * `achieved`, `notAchieved` and `pending` count every sent message (what happened); `learnAchieved` and
 * `learnNotAchieved` only decided outcomes of known subjects (what the learner counts: never an anonymous
 * visitor's, whose outcome cannot be seen, nor an erased subject's).
 */
export type OutcomeGroup = {
  barrier: string;
  technique: string | null;
  channel: string;
  blockIds: string[];
  sent: number;
  achieved: number;
  notAchieved: number;
  pending: number;
  learnAchieved: number;
  learnNotAchieved: number;
};

type Tally = { sent: number; achieved: number; notAchieved: number; pending: number };
const rateOf = (t: Tally) => (t.achieved + t.notAchieved ? t.achieved / (t.achieved + t.notAchieved) : null);
const withRate = <T extends Tally>(t: T) => ({ ...t, rate: rateOf(t) });
const r3 = (x: number) => Math.round(x * 1000) / 1000;

function tallyBy(groups: readonly OutcomeGroup[], keysOf: (g: OutcomeGroup) => string[]) {
  const out = new Map<string, Tally>();
  for (const g of groups) {
    for (const key of keysOf(g)) {
      const t = out.get(key) ?? { sent: 0, achieved: 0, notAchieved: 0, pending: 0 };
      t.sent += g.sent;
      t.achieved += g.achieved;
      t.notAchieved += g.notAchieved;
      t.pending += g.pending;
      out.set(key, t);
    }
  }
  return [...out].sort(([a], [b]) => a.localeCompare(b));
}

type Option = {
  barrier: string;
  technique: string;
  channel: string;
  sent: number;
  achieved: number;
  notAchieved: number;
  pending: number;
  /** Observed share of decided outcomes that achieved the target behaviour (null before any). */
  rate: number | null;
  /** Posterior mean of the chance the option achieves the target (Beta(1, 1) prior, known subjects' outcomes). */
  pAchieve: number;
  /** Central 95 % credible interval of that chance. */
  interval: [number, number];
  /** Posterior probability that it is the best technique for its barrier on its channel. */
  pBest: number;
  blockIds: Set<string>;
  a: number;
  b: number;
};

const DRAWS = 2000;
/** Content "never wins" when every option it went out in has under this chance of being the best. */
const NEVER_WINS_BELOW = 0.05;
/** ... and only after this many decided outcomes, so new content is not condemned early. */
const NEVER_WINS_AFTER = 30;

/** P(best) within each (barrier, channel) group by Monte Carlo from the Beta posteriors (seeded: stable answers). */
function probabilityBest(options: Option[]) {
  const groups = new Map<string, Option[]>();
  for (const o of options) {
    const key = `${o.barrier}\u001f${o.channel}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const random = seededRandom('insights');
  for (const group of groups.values()) {
    const wins = new Array<number>(group.length).fill(0);
    if (group.length === 1) wins[0] = DRAWS;
    else {
      for (let d = 0; d < DRAWS; d++) {
        let best = 0;
        let top = -1;
        for (let i = 0; i < group.length; i++) {
          const x = sampleBeta(random, group[i]!.a, group[i]!.b);
          if (x > top) [top, best] = [x, i];
        }
        wins[best]! += 1;
      }
    }
    group.forEach((o, i) => {
      o.pBest = r3(wins[i]! / DRAWS);
    });
  }
}

/**
 * A programme's insights from its outcome groups: descriptive (what was sent and what followed, by
 * barrier, technique, channel and block), predictive (each option's posterior chance of the target
 * behaviour with a 95 % credible interval and its chance of being the best), prescriptive (the best
 * technique per barrier and channel now, and content that never wins).
 */
export function programmeInsights(groups: readonly OutcomeGroup[]) {
  const options = new Map<string, Option>();
  for (const g of groups) {
    if (!g.technique) continue;
    const key = [g.barrier, g.technique, g.channel].join('\u001f');
    const o = options.get(key) ?? {
      barrier: g.barrier,
      technique: g.technique,
      channel: g.channel,
      sent: 0,
      achieved: 0,
      notAchieved: 0,
      pending: 0,
      rate: null,
      pAchieve: 0,
      interval: [0, 1] as [number, number],
      pBest: 0,
      blockIds: new Set<string>(),
      a: 1,
      b: 1,
    };
    o.sent += g.sent;
    o.achieved += g.achieved;
    o.notAchieved += g.notAchieved;
    o.pending += g.pending;
    o.a += g.learnAchieved;
    o.b += g.learnNotAchieved;
    for (const id of g.blockIds) o.blockIds.add(id);
    options.set(key, o);
  }
  const list = [...options.values()];
  for (const o of list) {
    o.rate = rateOf(o);
    o.pAchieve = r3(o.a / (o.a + o.b));
    o.interval = [r3(jStat.beta.inv(0.025, o.a, o.b)), r3(jStat.beta.inv(0.975, o.a, o.b))];
  }
  probabilityBest(list);
  list.sort(
    (x, y) => x.barrier.localeCompare(y.barrier) || x.channel.localeCompare(y.channel) || y.pAchieve - x.pAchieve,
  );

  const best = new Map<string, Option>();
  for (const o of list) {
    const key = `${o.barrier}\u001f${o.channel}`;
    const seen = best.get(key);
    if (!seen || o.pAchieve > seen.pAchieve) best.set(key, o);
  }
  const blockChances = new Map<string, { pBest: number; decided: number }>();
  for (const o of list) {
    for (const id of o.blockIds) {
      const c = blockChances.get(id) ?? { pBest: 0, decided: 0 };
      c.pBest = Math.max(c.pBest, o.pBest);
      c.decided += o.a + o.b - 2;
      blockChances.set(id, c);
    }
  }
  const byBlock = tallyBy(groups, (g) => g.blockIds).map(([block, t]) => ({ block, ...withRate(t) }));
  return {
    descriptive: {
      totals: withRate(tallyBy(groups, () => ['all'])[0]?.[1] ?? { sent: 0, achieved: 0, notAchieved: 0, pending: 0 }),
      byBarrier: tallyBy(groups, (g) => [g.barrier]).map(([barrier, t]) => ({ barrier, ...withRate(t) })),
      byTechnique: tallyBy(groups, (g) => (g.technique ? [g.technique] : [])).map(([technique, t]) => ({
        technique,
        ...withRate(t),
      })),
      byChannel: tallyBy(groups, (g) => [g.channel]).map(([channel, t]) => ({ channel, ...withRate(t) })),
      byBlock,
    },
    options: list.map(({ blockIds: _b, a: _a, b: _bb, ...o }) => o),
    best: [...best.values()].map((o) => ({
      barrier: o.barrier,
      channel: o.channel,
      technique: o.technique,
      pAchieve: o.pAchieve,
      pBest: o.pBest,
    })),
    neverWins: byBlock
      .filter((b) => {
        const c = blockChances.get(b.block);
        return c !== undefined && c.decided >= NEVER_WINS_AFTER && c.pBest < NEVER_WINS_BELOW;
      })
      .map((b) => ({ ...b, bestChance: blockChances.get(b.block)!.pBest })),
  };
}
