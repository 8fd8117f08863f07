import { describe, expect, it } from 'vitest';
import { armPosterior } from '../../../agents/learning/arm-posterior.js';
import { BLOCK_PRIOR_WEIGHT, blockAlternatives, chooseBlock } from '../../../agents/learning/block-choice.js';
import { fromCountRows } from '../../../agents/learning/count-rows.js';
import { learnedStrategy } from '../../../agents/learning/learned-strategy.js';
import type { LearningAction } from '../../../agents/learning/learning-action.js';
import { seededRandom } from '../../../agents/learning/seeded-random.js';
import type { ContentBlock } from '../../../src/domain/block.js';
import { send } from './learning-fixtures.js';

const block = (id: string, kind: string, bcts: string[], channels: ContentBlock['channels'], topics: string[] = []) =>
  ({ id, kind, channels, tags: { barriers: ['cost'], bcts, topics } }) as unknown as ContentBlock;

const SMS_32 = send('3.2', 'sms') as LearningAction & { kind: 'send' };

/** Programme rows: the 3.2 SMS arm half good overall, block GOOD always followed, block POOR never. */
const rows = (subjectOwn = 0) =>
  fromCountRows([
    {
      scope: 'programme',
      subject: null,
      barrier: 'cost',
      technique: '3.2',
      channel: 'sms',
      block: null,
      achieved: 40 + subjectOwn,
      notAchieved: 40,
    },
    {
      scope: 'programme',
      subject: null,
      barrier: 'cost',
      technique: '3.2',
      channel: 'sms',
      block: 'GOOD',
      achieved: 40,
      notAchieved: 0,
    },
    {
      scope: 'programme',
      subject: null,
      barrier: 'cost',
      technique: '3.2',
      channel: 'sms',
      block: 'POOR',
      achieved: subjectOwn,
      notAchieved: 40,
    },
    ...(subjectOwn
      ? [
          {
            scope: 'subject' as const,
            subject: 'me',
            barrier: 'cost' as const,
            technique: '3.2',
            channel: 'sms' as const,
            block: null,
            achieved: subjectOwn,
            notAchieved: 0,
          },
          {
            scope: 'subject' as const,
            subject: 'me',
            barrier: 'cost' as const,
            technique: '3.2',
            channel: 'sms' as const,
            block: 'POOR',
            achieved: subjectOwn,
            notAchieved: 0,
          },
        ]
      : []),
  ]);

describe('blockAlternatives', () => {
  it('lists the usable body blocks carrying the technique on the channel, none for skip', () => {
    const blocks = [
      block('B', 'support', ['3.2'], ['sms']),
      block('A', 'education', ['3.2', '12.1'], ['sms', 'email']),
      block('C', 'cta', ['3.2'], ['sms']),
      block('D', 'support', ['3.2'], ['email']),
      block('E', 'claim', ['3.2'], ['sms'], ['coverage']),
      block('F', 'support', ['1.2'], ['sms']),
    ];
    expect(blockAlternatives(blocks, 'cost', SMS_32)).toEqual(['A', 'B', 'E']);
    expect(blockAlternatives(blocks, 'cost', SMS_32, ['coverage'])).toEqual(['A', 'B']);
    expect(blockAlternatives(blocks, 'cost', { kind: 'skip' })).toEqual([]);
  });
});

describe('chooseBlock', () => {
  const arm = (state: ReturnType<typeof rows>, subject?: string) => armPosterior(state, subject, 'cost', SMS_32, 0);

  it('starts every block at its technique arm’s estimate, then follows each block’s own outcomes', () => {
    const state = rows();
    const untried = chooseBlock({
      state,
      barrier: 'cost',
      action: SMS_32,
      arm: arm(state),
      blocks: ['NEW1', 'NEW2'],
      random: seededRandom(1),
      config: { programmeWeight: 100, designWeight: 2 },
    })!;
    for (const c of untried.candidates) {
      expect(c.mean).toBeCloseTo(arm(state).mean, 10);
      expect(c.alpha + c.beta).toBeCloseTo(BLOCK_PRIOR_WEIGHT, 10);
    }
    const chosen = new Set<string>();
    for (let seed = 0; seed < 50; seed++) {
      const choice = chooseBlock({
        state,
        barrier: 'cost',
        action: SMS_32,
        arm: arm(state),
        blocks: ['GOOD', 'POOR'],
        random: seededRandom(seed),
        config: { programmeWeight: 100, designWeight: 2 },
      })!;
      chosen.add(choice.block);
      const good = choice.candidates.find((c) => c.block === 'GOOD')!;
      expect(good.others).toEqual({ achieved: 40, notAchieved: 0 });
      expect(good.interval[0]).toBeLessThan(good.mean);
      expect(choice.explored).toBe(choice.block === 'POOR');
    }
    expect([...chosen]).toEqual(['GOOD']);
  });

  it('lets a subject’s own outcomes with a block outweigh the programme’s, and needs two alternatives', () => {
    const state = rows(30);
    const choice = chooseBlock({
      state,
      subject: 'me',
      barrier: 'cost',
      action: SMS_32,
      arm: arm(state, 'me'),
      blocks: ['GOOD', 'POOR'],
      random: seededRandom(3),
      config: { programmeWeight: 100, designWeight: 2 },
    })!;
    const poor = choice.candidates.find((c) => c.block === 'POOR')!;
    expect(poor.own).toEqual({ achieved: 30, notAchieved: 0 });
    expect(poor.others).toEqual({ achieved: 0, notAchieved: 40 });
    const single = { state, barrier: 'cost' as const, action: SMS_32, arm: arm(state), blocks: ['GOOD'] };
    expect(chooseBlock({ ...single, random: seededRandom(1), config: { programmeWeight: 100, designWeight: 2 } })).toBe(
      undefined,
    );
  });
});

describe('learnedStrategy with alternative blocks', () => {
  it('records the block chosen and its candidates, says so in the rationale, and leaves arm draws unchanged', () => {
    const state = rows();
    const base = {
      state,
      barrier: 'cost' as const,
      allowed: [SMS_32],
      table: { strategy: { techniques: [{ code: '3.2', name: 'x' }], rationale: 't' }, channel: 'sms' as const },
      seed: 'run-1',
    };
    const on = learnedStrategy({ ...base, mode: 'on', alternatives: () => ['GOOD', 'POOR'] });
    expect(on.block).toBe('GOOD');
    expect(on.record.block?.chosen).toBe('GOOD');
    expect(on.record.block?.candidates.map((c) => c.block)).toEqual(['GOOD', 'POOR']);
    expect(on.strategy.rationale).toMatch(
      /Of 2 approved blocks for it, chose GOOD: the target behaviour followed it for others 40 of 40 times/,
    );
    const plain = learnedStrategy({ ...base, mode: 'on' });
    expect(plain.block).toBe(null);
    expect(plain.record.block).toBeUndefined();
    expect(plain.record.candidates).toEqual(on.record.candidates);
    const shadow = learnedStrategy({ ...base, mode: 'shadow', alternatives: () => ['GOOD', 'POOR'] });
    expect(shadow.block).toBe(null);
    expect(shadow.record.block?.chosen).toBe('GOOD');
  });
});
