import { describe, expect, it } from 'vitest';
import { barrier } from '../../../evals/assertions/barrier.js';
import { latencyMsMax } from '../../../evals/assertions/latency-ms-max.js';
import { modelCallsMax } from '../../../evals/assertions/model-calls-max.js';
import { ruleFailed } from '../../../evals/assertions/rule-failed.js';
import { rulePassed } from '../../../evals/assertions/rule-passed.js';
import { status } from '../../../evals/assertions/status.js';
import { techniquesInclude } from '../../../evals/assertions/techniques-include.js';
import { blockedAnswer, composeAnswer, judge, outcome, traceOf } from '../fixtures/compose-answer.js';

const approved = outcome(composeAnswer());
const blocked = outcome(blockedAnswer('consent'));

describe('barrier', () => {
  it('passes on the expected barrier or one of a list', async () => {
    expect(await judge(barrier, approved, { value: 'cost' })).toMatchObject({ pass: true, score: 1 });
    expect((await judge(barrier, approved, { one_of: ['access', 'cost'] })).pass).toBe(true);
  });
  it('fails on another barrier, naming both', async () => {
    expect(await judge(barrier, approved, { value: 'trust' })).toEqual({
      pass: false,
      score: 0,
      reason: 'barrier cost, expected trust',
    });
  });
  it('rejects an argument outside the barrier vocabulary', () => {
    expect(() => barrier(approved, { value: 'cots' }, {})).toThrow(/invalid arguments: value/);
    expect(() => barrier(approved, {}, {})).toThrow(/give either value or one_of/);
  });
});

describe('status', () => {
  it('passes on the expected status', async () => {
    expect((await judge(status, blocked, { value: 'blocked' })).pass).toBe(true);
  });
  it('fails on another status', async () => {
    expect((await judge(status, approved, { one_of: ['blocked', 'skipped'] })).reason).toBe(
      'status approved, expected blocked, skipped',
    );
  });
});

describe('rule_failed and rule_passed', () => {
  it('rule_failed passes when the rule failed and fails when it did not', async () => {
    expect((await judge(ruleFailed, blocked, { rule: 'consent' })).pass).toBe(true);
    expect(await judge(ruleFailed, approved, { rule: 'consent' })).toMatchObject({
      pass: false,
      reason: 'rule consent did not fail; failed rules: none',
    });
  });
  it('rule_passed passes when the rule passed, fails when it failed or never ran', async () => {
    expect((await judge(rulePassed, approved, { rule: 'consent' })).pass).toBe(true);
    expect((await judge(rulePassed, blocked, { rule: 'consent' })).reason).toBe('rule consent failed: consent failed');
    expect((await judge(rulePassed, approved, { rule: 'pii' })).reason).toBe('rule pii was not checked');
  });
});

describe('techniques_include', () => {
  it('passes when every code is in the strategy', async () => {
    expect((await judge(techniquesInclude, approved, { code: '3.2' })).pass).toBe(true);
  });
  it('fails with the share found', async () => {
    expect(await judge(techniquesInclude, approved, { codes: ['3.2', '1.2'] })).toMatchObject({
      pass: false,
      score: 0.5,
      reason: 'techniques 3.2 lack 1.2',
    });
  });
});

describe('latency_ms_max', () => {
  it('passes within the limit and fails over it', async () => {
    expect((await judge(latencyMsMax, approved, { value: 500 })).pass).toBe(true);
    expect(await judge(latencyMsMax, approved, { value: 60 })).toMatchObject({ pass: false, score: 0.5 });
  });
});

describe('model_calls_max', () => {
  it('reads the engine summary', async () => {
    expect((await judge(modelCallsMax, approved, { value: 0 })).pass).toBe(true);
    const busy = outcome(composeAnswer(undefined, { engine: { mode: 'model', modelCalls: 4, fallbacks: [] } }));
    expect((await judge(modelCallsMax, busy, { value: 2 })).reason).toBe('4 model calls (max 2)');
  });
  it('falls back to the trace, and fails when neither says', async () => {
    const bare = composeAnswer(undefined, { engine: undefined });
    const traced = outcome(bare, { trace: traceOf(bare) });
    expect((await judge(modelCallsMax, traced, { value: 1 })).pass).toBe(true);
    expect((await judge(modelCallsMax, traced, { value: 0 })).reason).toBe('1 model calls (max 0)');
    expect((await judge(modelCallsMax, outcome(bare), { value: 3 })).pass).toBe(false);
  });
});
