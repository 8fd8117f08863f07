import { describe, expect, it } from 'vitest';
import { SKIP } from '../../../agents/learning/learning-action.js';
import { seededRandom } from '../../../agents/learning/seeded-random.js';
import { drawSubject, SIM_BARRIERS } from '../../../evals/simulator/population.js';
import { DEFAULT_PACING, drawPopulation, simulatePolicy } from '../../../evals/simulator/run-simulation.js';
import { createPolicy, POLICY_NAMES, type SimPolicy } from '../../../evals/simulator/sim-policies.js';
import { type DayContext, expectedSuccess, sigmoid } from '../../../evals/simulator/subject-response.js';

const settings = { seed: 11, subjects: 60, days: 45, ...DEFAULT_PACING };
const population = drawPopulation(settings.seed, settings.subjects, settings.days);
const runs = Object.fromEntries(
  POLICY_NAMES.map((name) => [name, simulatePolicy(population, createPolicy(name, settings.seed), settings)]),
);

describe('patient simulator', () => {
  it('draws subjects with a hidden barrier mix, at least one consented channel and read chances in [0, 1]', () => {
    const random = seededRandom('population-test');
    for (let i = 0; i < 200; i++) {
      const s = drawSubject(random, i);
      expect(s.barriers.reduce((sum, b) => sum + b.weight, 0)).toBeCloseTo(1, 12);
      expect(s.barriers[0]!.barrier).not.toBe(s.barriers[1]!.barrier);
      for (const b of s.barriers) expect(SIM_BARRIERS).toContain(b.barrier);
      expect(s.consents.length).toBeGreaterThan(0);
      for (const r of Object.values(s.read)) expect(r >= 0 && r <= 1).toBe(true);
    }
  });

  it('gives a programme one factor per technique, shared by all its subjects, and changes nothing else', () => {
    const flat = drawPopulation(settings.seed, 30, 10);
    const spread = drawPopulation(settings.seed, 30, 10, 0.8);
    const techniques = Object.keys(flat[0]!.params.technique);
    const factor = (i: number, t: string) => spread[i]!.params.technique[t]! / flat[i]!.params.technique[t]!;
    for (const t of techniques) for (let i = 1; i < 30; i++) expect(factor(i, t)).toBeCloseTo(factor(0, t), 10);
    expect(new Set(techniques.map((t) => factor(0, t).toFixed(6))).size).toBe(techniques.length);
    for (let i = 0; i < 30; i++) {
      const { technique: _a, ...rest } = spread[i]!.params;
      const { technique: _b, ...before } = flat[i]!.params;
      expect(rest).toEqual(before);
      for (let day = 0; day < 10; day++)
        for (const what of ['read', 'target', 'optOut'] as const)
          expect(spread[i]!.draws.at(day, what)).toBe(flat[i]!.draws.at(day, what));
    }
  });

  it('keeps every PDC in [0, 1] for every policy', () => {
    for (const run of Object.values(runs)) {
      expect(run.perSubject).toHaveLength(settings.subjects);
      for (const s of run.perSubject) expect(s.pdc >= 0 && s.pdc <= 1).toBe(true);
    }
  });

  it('sends nothing under `none`, which then has no opt-outs', () => {
    expect(runs.none!.perSubject.every((s) => s.messages === 0 && !s.optedOut)).toBe(true);
    expect(runs.none!.daily.messages.every((n) => n === 0)).toBe(true);
  });

  it('never sends more than the cap in any 7-day window, whatever the policy', () => {
    for (const run of Object.values(runs)) {
      for (const s of run.perSubject) {
        for (const day of s.sentDays) {
          const inWindow = s.sentDays.filter((d) => d > day - settings.windowDays && d <= day).length;
          expect(inWindow).toBeLessThanOrEqual(settings.frequencyCap);
        }
      }
    }
    // The table sends whenever it may, so the cap is actually reached.
    expect(runs.table!.perSubject.some((s) => s.messages >= settings.frequencyCap)).toBe(true);
  });

  it('sends nothing after an opt-out, and opt-outs only ever add up', () => {
    for (const run of Object.values(runs)) {
      for (const s of run.perSubject) {
        if (s.optOutDay !== null) expect(Math.max(...s.sentDays)).toBe(s.optOutDay);
      }
      expect(run.daily.optOuts.every((n) => n >= 0)).toBe(true);
      expect(run.daily.optOuts.reduce((a, b) => a + b, 0)).toBe(run.perSubject.filter((s) => s.optedOut).length);
    }
  });

  it('gives the oracle no regret and every other policy some', () => {
    expect(runs.oracle!.perSubject.every((s) => Math.abs(s.regret) < 1e-12)).toBe(true);
    for (const name of ['none', 'table', 'random', 'learning'] as const) {
      expect(runs[name]!.perSubject.reduce((a, s) => a + s.regret, 0)).toBeGreaterThan(0);
    }
  });

  it('replays exactly from the seed, and differs with another seed', () => {
    const again = simulatePolicy(drawPopulation(11, 60, 45), createPolicy('learning', 11), settings);
    expect(again).toEqual(runs.learning);
    const other = simulatePolicy(drawPopulation(12, 60, 45), createPolicy('learning', 12), { ...settings, seed: 12 });
    expect(other).not.toEqual(runs.learning);
  });

  it('refuses a policy that chooses outside the allowed set', () => {
    const rogue: SimPolicy = {
      name: 'table',
      choose: () => ({ kind: 'send', technique: '7.1', channel: 'fax' as 'sms' }),
    };
    expect(() => simulatePolicy(population, rogue, settings)).toThrow(/outside the allowed set/);
  });

  it('models a read, fitting message as helping and skipping as the no-message baseline', () => {
    const s = { ...population[0]!.params, barriers: [{ barrier: 'forgetfulness' as const, weight: 1 }], annoyance: 0 };
    const ctx: DayContext = { weekend: false, slot: s.bestSlot, outOfSupply: false, recent: 0, total: 0, carry: 0 };
    expect(expectedSuccess(s, ctx, SKIP)).toBeCloseTo(sigmoid(s.baselineLogit), 12);
    const cue = { kind: 'send' as const, technique: '7.1', channel: 'sms' as const };
    expect(expectedSuccess(s, ctx, cue)).toBeGreaterThan(expectedSuccess(s, ctx, SKIP));
    // Fatigue: the same message helps less after two others this week.
    expect(expectedSuccess(s, { ...ctx, recent: 2 }, cue)).toBeLessThan(expectedSuccess(s, ctx, cue));
    // Weekends lower the baseline.
    expect(expectedSuccess(s, { ...ctx, weekend: true }, SKIP)).toBeLessThan(expectedSuccess(s, ctx, SKIP));
  });
});
