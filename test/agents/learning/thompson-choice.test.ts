import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionKey, type LearningAction } from '../../../agents/learning/learning-action.js';
import { createLearnerState, type LearnerState, recordOutcome } from '../../../agents/learning/outcome-counts.js';
import { seededRandom } from '../../../agents/learning/seeded-random.js';
import { tableAction } from '../../../agents/learning/table-choice.js';
import { chooseAction } from '../../../agents/learning/thompson-choice.js';
import { BARRIER_PLAN } from '../../../agents/strategy/barrier-techniques.js';
import type { Barrier } from '../../../src/domain/block.js';
import { everyAction, send } from './learning-fixtures.js';

const BARRIERS = Object.keys(BARRIER_PLAN) as Array<Exclude<Barrier, 'none'>>;

function outcomes(state: LearnerState, subject: string | undefined, action: LearningAction, hits: number, misses = 0) {
  for (let i = 0; i < hits + misses; i++) {
    recordOutcome(state, { subject, barrier: 'forgetfulness', action, achieved: i < hits });
  }
  return state;
}

// A small programme weight, so a few outcomes of the subject's own show the hierarchy at work.
const config = { programmeWeight: 12, designWeight: 2 };
const choose = (state: LearnerState, allowed: LearningAction[], seed: string | number = 1, subject = 's1') =>
  chooseAction({ state, subject, barrier: 'forgetfulness', allowed, random: seededRandom(seed), config });

describe('Thompson choice', () => {
  it('on a cold start takes exactly the design table action, for every barrier', () => {
    for (const barrier of BARRIERS) {
      const allowed = everyAction(barrier, ['email', 'sms']);
      const choice = chooseAction({
        state: createLearnerState(),
        subject: 's',
        barrier,
        allowed,
        random: seededRandom(3),
      });
      expect(choice.action).toEqual(send(BARRIER_PLAN[barrier].bcts[0]!, 'email'));
      expect(choice).toMatchObject({ coldStart: true, explored: false });
      expect(choice.candidates.every((c) => c.sample === null)).toBe(true);
    }
  });

  it('on a cold start skips when no barrier was found', () => {
    const allowed = [send('7.1', 'sms'), { kind: 'skip' as const }];
    const choice = chooseAction({ state: createLearnerState(), barrier: 'none', allowed, random: seededRandom(1) });
    expect(choice.action).toEqual({ kind: 'skip' });
  });

  it("follows the table's order when its first technique is not allowed", () => {
    const allowed = [send('1.4', 'sms'), send('8.3', 'sms')];
    expect(choose(createLearnerState(), allowed).action).toEqual(send('8.3', 'sms'));
    expect(tableAction('forgetfulness', allowed)).toEqual(send('8.3', 'sms'));
  });

  it('never chooses outside the allowed set, whatever the outcomes and the seed', () => {
    const all = everyAction('forgetfulness');
    const arbOutcome = fc.record({
      subject: fc.option(fc.constantFrom('s1', 's2', 's3'), { nil: undefined }),
      action: fc.constantFrom(...all),
      achieved: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(arbOutcome, { maxLength: 60 }),
        fc.subarray(all, { minLength: 1 }),
        fc.integer(),
        (history, allowed, seed) => {
          const state = createLearnerState();
          for (const o of history) recordOutcome(state, { ...o, barrier: 'forgetfulness' });
          const choice = choose(state, allowed, seed);
          const keys = new Set(allowed.map(actionKey));
          expect(keys.has(actionKey(choice.action))).toBe(true);
          expect(choice.candidates.map((c) => c.key)).toEqual(allowed.map(actionKey));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('replays the same choice and draws from the same seed and state', () => {
    const state = outcomes(
      outcomes(createLearnerState(), 's1', send('7.1', 'sms'), 2, 2),
      's2',
      send('8.3', 'email'),
      3,
      1,
    );
    const allowed = everyAction('forgetfulness');
    expect(choose(state, allowed, 'run-42')).toEqual(choose(state, allowed, 'run-42'));
    const draws = new Set(Array.from({ length: 20 }, (_, i) => choose(state, allowed, i).candidates[0]!.sample));
    expect(draws.size).toBeGreaterThan(1);
  });

  it("moves to what works for this subject even against the programme's experience", () => {
    const state = createLearnerState();
    for (let s = 0; s < 50; s++) {
      outcomes(state, `other-${s}`, send('7.1', 'sms'), 8, 2);
      outcomes(state, `other-${s}`, send('7.1', 'email'), 2, 8);
    }
    const allowed = [send('7.1', 'sms'), send('7.1', 'email')];
    const emailShare = (subject: string) =>
      Array.from({ length: 200 }, (_, i) => choose(state, allowed, i, subject).action).filter(
        (a) => a.kind === 'send' && a.channel === 'email',
      ).length / 200;
    expect(emailShare('me')).toBeLessThan(0.1);
    const shares: number[] = [];
    for (let round = 0; round < 4; round++) {
      outcomes(state, 'me', send('7.1', 'sms'), 0, 4);
      outcomes(state, 'me', send('7.1', 'email'), 4, 0);
      shares.push(emailShare('me'));
    }
    // Each round of the subject's own outcomes moves them further from the programme's favourite.
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(shares.at(-1)).toBeGreaterThan(0.9);
    expect(emailShare('newcomer')).toBeLessThan(0.1);
  });

  it('lends a subject at most the configured weight of the programme, less their own outcomes', () => {
    const state = createLearnerState();
    outcomes(state, 'me', send('7.1', 'sms'), 3, 1);
    for (let s = 0; s < 100; s++) outcomes(state, `o${s}`, send('7.1', 'sms'), 1, 1);
    const c = choose(state, [send('7.1', 'sms'), send('8.3', 'sms')], 1, 'me').candidates[0]!;
    expect(c.own).toEqual({ achieved: 3, notAchieved: 1 });
    expect(c.others).toEqual({ achieved: 100, notAchieved: 100 });
    // design prior 2 + programme scaled to 12 (half achieved) + own 4
    expect(c.alpha + c.beta).toBeCloseTo(2 + 12 + 4, 9);
    expect(c.alpha).toBeCloseTo(2 * (0.5 + 0.1) + 6 + 3, 9);
  });

  it("estimates an untried arm from its technique's and its channel's outcomes elsewhere", () => {
    const state = createLearnerState();
    for (let s = 0; s < 40; s++) {
      outcomes(state, `o${s}`, send('7.1', 'sms'), 9, 1);
      outcomes(state, `o${s}`, send('8.3', 'sms'), 5, 5);
      outcomes(state, `o${s}`, send('8.3', 'web'), 1, 9);
    }
    const allowed = [send('7.1', 'web'), send('8.3', 'email')];
    const [cueWeb, habitEmail] = choose(state, allowed, 1, 'new').candidates;
    // 7.1 does well and web badly: the untried pair lands in between; nothing is known of email.
    expect(cueWeb!.others).toEqual({ achieved: 0, notAchieved: 0 });
    expect(cueWeb!.mean).toBeGreaterThan(0.3);
    expect(cueWeb!.mean).toBeLessThan(0.75);
    expect(cueWeb!.alpha + cueWeb!.beta).toBeCloseTo(2 + 12, 9);
    expect(habitEmail!.alpha + habitEmail!.beta).toBeCloseTo(2, 9);
  });

  it('explains every candidate: posterior, 95% interval, the draw, what was chosen and whether it explored', () => {
    const state = outcomes(createLearnerState(), 's1', send('7.1', 'sms'), 3, 1);
    outcomes(state, 's2', { kind: 'skip' }, 1, 3);
    const allowed = everyAction('forgetfulness', ['sms']);
    const choices = Array.from({ length: 40 }, (_, i) => choose(state, allowed, i));
    for (const choice of choices) {
      for (const c of choice.candidates) {
        expect(c.mean).toBeCloseTo(c.alpha / (c.alpha + c.beta), 12);
        expect(c.interval[0]).toBeLessThan(c.mean);
        expect(c.interval[1]).toBeGreaterThan(c.mean);
        expect(c.sample).toBeGreaterThan(0);
        expect(c.sample).toBeLessThan(1);
      }
      const chosen = choice.candidates.find((c) => c.key === actionKey(choice.action))!;
      expect(Math.max(...choice.candidates.map((c) => c.sample!))).toBe(chosen.sample);
      const bestMean = Math.max(...choice.candidates.map((c) => c.mean));
      expect(choice.explored).toBe(chosen.mean < bestMean);
      expect(choice.rationale).toMatch(/^Chose /);
    }
    const exploit = choices.find((c) => !c.explored)!;
    expect(exploit.action).toEqual(send('7.1', 'sms'));
    expect(exploit.rationale).toContain(
      'Chose 7.1 prompts/cues by SMS: the target behaviour followed for this person 3 of 4 times',
    );
    expect(exploit.rationale).toContain('best estimated chance');
    const explore = choices.find((c) => c.explored)!;
    expect(explore.rationale).toContain('to learn more');
  });

  it('refuses an empty allowed set rather than choosing anything', () => {
    expect(() => choose(createLearnerState(), [])).toThrow(/no allowed action/);
  });
});
