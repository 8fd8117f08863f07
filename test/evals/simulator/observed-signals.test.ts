import { describe, expect, it } from 'vitest';
import type { LearningAction } from '../../../agents/learning/learning-action.js';
import { observedSignals } from '../../../evals/simulator/observed-signals.js';
import { DEFAULT_PACING, drawPopulation, simulatePolicy } from '../../../evals/simulator/run-simulation.js';
import type { SimPolicy } from '../../../evals/simulator/sim-policies.js';
import type { Channel } from '../../../src/domain/block.js';

const settings = { seed: 5, subjects: 40, days: 60, ...DEFAULT_PACING };

/** Sends on `channel` whenever allowed, and keeps what it observed. */
function recorder(channel: Channel) {
  const seen: Array<{ subject: string; opened: boolean | undefined }> = [];
  const policy: SimPolicy = {
    name: 'table',
    choose: (d) => d.allowed.find((a) => a.kind === 'send' && a.channel === channel) ?? d.allowed[0]!,
    learn: (d, action, _achieved, observed) => {
      if (action.kind === 'send') seen.push({ subject: d.subject.id, opened: observed.opened });
    },
  };
  return { policy, seen };
}

describe('observable opens in the simulator', () => {
  it('reports opens for email, push and web sends, and nothing for SMS or skips', () => {
    const send = (channel: Channel): LearningAction => ({ kind: 'send', technique: '7.1', channel });
    expect(observedSignals(send('email'), true)).toEqual({ opened: true });
    expect(observedSignals(send('web'), false)).toEqual({ opened: false });
    expect(observedSignals(send('push'), true)).toEqual({ opened: true });
    expect(observedSignals(send('sms'), true)).toEqual({});
    expect(observedSignals({ kind: 'skip' }, false)).toEqual({});
  });

  it('derives an open from the read already drawn: never opened at read chance 0, always at 1', () => {
    const population = drawPopulation(settings.seed, settings.subjects, settings.days);
    for (const [i, { params }] of population.entries()) {
      params.consents = ['email'];
      params.read.email = i % 2;
    }
    const { policy, seen } = recorder('email');
    simulatePolicy(population, policy, settings);
    expect(seen.length).toBeGreaterThan(100);
    for (const s of seen) expect(s.opened).toBe(Number(s.subject.slice(4)) % 2 === 0);
  });

  it('observes nothing for SMS sends, whose reads no programme can see', () => {
    const { policy, seen } = recorder('sms');
    simulatePolicy(drawPopulation(settings.seed, settings.subjects, settings.days), policy, settings);
    expect(seen.length).toBeGreaterThan(100);
    expect(seen.every((s) => s.opened === undefined)).toBe(true);
  });
});
