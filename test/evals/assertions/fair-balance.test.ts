import { describe, expect, it } from 'vitest';
import { fairBalance } from '../../../evals/assertions/fair-balance.js';
import { blockedAnswer, blockInfo, composeAnswer, judge, outcome, traceOf } from '../fixtures/compose-answer.js';

const withLibrary = { blockInfo };

describe('fair_balance', () => {
  it('passes when a claim travels with an ISI block', async () => {
    const o = outcome(composeAnswer(['LZ-GREET-SMS', 'LZ-CLAIM-01', 'LZ-ISI-SMS']));
    expect(await judge(fairBalance, o, {}, withLibrary)).toMatchObject({
      pass: true,
      reason: 'LZ-CLAIM-01 travel with ISI LZ-ISI-SMS',
    });
  });

  it('fails when a claim has no ISI block', async () => {
    const o = outcome(composeAnswer(['LZ-GREET-SMS', 'LZ-CLAIM-01']));
    expect(await judge(fairBalance, o, {}, withLibrary)).toEqual({
      pass: false,
      score: 0,
      reason: 'LZ-CLAIM-01 require ISI but the message has no ISI block',
    });
  });

  it('passes a message without claims and a run that sent nothing', async () => {
    expect((await judge(fairBalance, outcome(composeAnswer()), {}, withLibrary)).pass).toBe(true);
    expect((await judge(fairBalance, outcome(blockedAnswer('consent')), {}, withLibrary)).pass).toBe(true);
  });

  it('fails on a block the library does not know', async () => {
    const o = outcome(composeAnswer(['LZ-INVENTED']));
    expect((await judge(fairBalance, o, {}, withLibrary)).reason).toBe('blocks not in the library: LZ-INVENTED');
  });

  it('without the library, reads kinds from the trace and treats claims as needing ISI', async () => {
    const unbalanced = composeAnswer(['LZ-CLAIM-01']);
    expect((await judge(fairBalance, outcome(unbalanced, { trace: traceOf(unbalanced) }))).pass).toBe(false);
    const balanced = composeAnswer(['LZ-CLAIM-01', 'LZ-ISI-SMS']);
    expect((await judge(fairBalance, outcome(balanced, { trace: traceOf(balanced) }))).pass).toBe(true);
  });

  it('fails rather than guesses when there is neither library nor trace', async () => {
    const result = await judge(fairBalance, outcome(composeAnswer()));
    expect(result).toMatchObject({ pass: false, reason: 'cannot judge: no block facts from the library and no trace' });
  });
});
