import { describe, expect, it } from 'vitest';
import { contains } from '../../../evals/assertions/contains.js';
import { maxLength } from '../../../evals/assertions/max-length.js';
import { neverUsesBlock } from '../../../evals/assertions/never-uses-block.js';
import { notContains } from '../../../evals/assertions/not-contains.js';
import { readingGradeMax } from '../../../evals/assertions/reading-grade-max.js';
import { regex } from '../../../evals/assertions/regex.js';
import { usesBlock } from '../../../evals/assertions/uses-block.js';
import { blockedAnswer, composeAnswer, judge, outcome } from '../fixtures/compose-answer.js';

const approved = outcome(composeAnswer());
const blocked = outcome(blockedAnswer('consent'));

describe('contains and not_contains', () => {
  it('contains matches any case unless asked to match case', async () => {
    expect((await judge(contains, approved, { value: 'lumenzo savings' })).pass).toBe(true);
    expect((await judge(contains, approved, { value: 'lumenzo savings', case_sensitive: true })).pass).toBe(false);
  });
  it('contains fails when nothing was sent', async () => {
    expect((await judge(contains, blocked, { value: 'Lumenzo' })).reason).toBe('no message (status blocked)');
  });
  it('not_contains fails on a banned word in any case and passes without it', async () => {
    expect((await judge(notContains, approved, { value: 'SAVINGS' })).pass).toBe(false);
    expect((await judge(notContains, approved, { value: 'cure' })).pass).toBe(true);
    expect((await judge(notContains, blocked, { value: 'cure' })).pass).toBe(true);
  });
});

describe('regex', () => {
  it('passes on a match and fails without one', async () => {
    expect((await judge(regex, approved, { pattern: '1-800-\\d{3}-\\d{4}' })).pass).toBe(true);
    expect((await judge(regex, approved, { pattern: '^call', flags: 'i' })).reason).toBe(
      'body does not match /^call/i',
    );
  });
  it('rejects a pattern that does not compile', () => {
    expect(() => regex(approved, { pattern: '(' }, {})).toThrow(/not a valid regular expression/);
  });
});

describe('max_length', () => {
  it('passes within the limit and scores the overrun', async () => {
    const sms = composeAnswer();
    sms.message!.body = 'x'.repeat(320);
    expect((await judge(maxLength, outcome(sms), { value: 320 })).pass).toBe(true);
    expect(await judge(maxLength, outcome(sms), { value: 160 })).toEqual({
      pass: false,
      score: 0.5,
      reason: 'body is 320 characters (max 160)',
    });
  });
});

describe('reading_grade_max', () => {
  it('passes plain text and fails dense text', async () => {
    expect((await judge(readingGradeMax, approved, { value: 8 })).pass).toBe(true);
    const dense = composeAnswer(undefined, {
      message: {
        channel: 'email',
        subject: null,
        body: 'Pharmacological immunomodulation necessitates comprehensive longitudinal hepatotoxicity surveillance.',
        blocks: [],
      },
    });
    const result = await judge(readingGradeMax, outcome(dense), { value: 8 });
    expect(result.pass).toBe(false);
    expect(result.reason).toMatch(/^reading grade \d+(\.\d)? \(max 8\)$/);
  });
});

describe('uses_block and never_uses_block', () => {
  it('uses_block passes when every block is used and scores the share otherwise', async () => {
    expect((await judge(usesBlock, approved, { id: 'LZ-COST-01' })).pass).toBe(true);
    expect(await judge(usesBlock, approved, { ids: ['LZ-COST-01', 'LZ-ISI-SMS'] })).toMatchObject({
      pass: false,
      score: 0.5,
    });
  });
  it('never_uses_block fails when a named block is used and passes when none is', async () => {
    expect((await judge(neverUsesBlock, approved, { id: 'LZ-COST-01' })).reason).toBe('message uses LZ-COST-01');
    expect((await judge(neverUsesBlock, approved, { ids: ['LZ-COST-OLD-01'] })).pass).toBe(true);
    expect((await judge(neverUsesBlock, blocked, { id: 'LZ-COST-01' })).pass).toBe(true);
  });
});
