import { describe, expect, it } from 'vitest';
import { createLearningPolicy, type LearningLevers } from '../../../evals/simulator/learning-policy.js';
import { DEFAULT_PACING, drawPopulation, simulatePolicy } from '../../../evals/simulator/run-simulation.js';
import type { SimPolicy } from '../../../evals/simulator/sim-policies.js';

/** Sends the first allowed message whenever one is allowed. */
const sendAlways: SimPolicy = {
  name: 'table',
  choose: (d) => d.allowed.find((a) => a.kind === 'send') ?? d.allowed[0]!,
};

const settings = { seed: 21, subjects: 150, days: 60, ...DEFAULT_PACING };

/** Subjects reachable only on the open-tracked channels, so every send reports whether it was read. */
function trackedOnly() {
  const population = drawPopulation(settings.seed, settings.subjects, settings.days);
  for (const { params } of population) params.consents = ['email', 'push', 'web'];
  return population;
}

/** Share of the learner's sends that were opened, with and without a lever. */
function openedShare(levers: LearningLevers): number {
  const inner = createLearningPolicy(settings.seed, undefined, levers);
  let sends = 0;
  let opened = 0;
  const policy: SimPolicy = {
    ...inner,
    learn: (d, action, achieved, observed) => {
      if (observed.opened !== undefined) [sends, opened] = [sends + 1, opened + Number(observed.opened)];
      inner.learn!(d, action, achieved, observed);
    },
  };
  simulatePolicy(trackedOnly(), policy, settings);
  return opened / sends;
}

describe('the learner with the channel chosen from opens', () => {
  it('sends on channels its subjects open: a larger share of its messages are read', () => {
    const without = openedShare({ channelFromOpens: false });
    const withOpens = openedShare({ channelFromOpens: true });
    expect(withOpens).toBeGreaterThan(without + 0.03);
  });

  it('stays inside the allowed set, and sends less than it may', () => {
    const population = drawPopulation(settings.seed, settings.subjects, settings.days);
    const run = simulatePolicy(population, createLearningPolicy(settings.seed), settings);
    const messages = run.perSubject.reduce((n, s) => n + s.messages, 0);
    expect(messages).toBeGreaterThan(0);
    // The simulator throws on an action outside the allowed set; skips happen while sends were allowed.
    const always = simulatePolicy(population, sendAlways, settings).perSubject.reduce((n, s) => n + s.messages, 0);
    expect(messages).toBeLessThan(always);
  });
});
