import { describe, expect, it } from 'vitest';
import { regex } from '../../evals/assertions/regex.js';
import { loadUploadedSuite } from '../../evals/runner/api-suite.js';
import { SuiteError } from '../../evals/suite-error.js';
import { composeAnswer, judge, outcome } from './fixtures/compose-answer.js';

const CASE = `
cases:
  - id: one
    request: { subject: { id: s1, audience: patient, consents: { sms: true } }, program: lumenzo-adherence, channel: sms }
    assert: [{ type: status, one_of: [approved] }]
`;

/** Nine aliases of nine aliases, six levels deep: 9^6 (half a million) nodes from a few hundred bytes. */
function aliasBomb(): string {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (const [prev, name] of [
    ['a', 'b'],
    ['b', 'c'],
    ['c', 'd'],
    ['d', 'e'],
    ['e', 'f'],
  ]) {
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return `name: bomb\n${lines.join('\n')}\n${CASE}`;
}

const loadError = async (yaml: string) => {
  const err = await loadUploadedSuite(yaml).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(SuiteError);
  return (err as SuiteError).message;
};

describe('an uploaded suite that is hostile is a suite error (a 400), never a crash', () => {
  it('refuses a YAML alias bomb', async () => {
    expect(await loadError(aliasBomb())).toMatch(/invalid YAML: too many aliases/);
  });

  it('refuses a NUL character written as an escape', async () => {
    expect(await loadError(`name: "a\\0b"\n${CASE}`)).toMatch(/cannot be stored/);
  });

  it('refuses a lone surrogate written as an escape', async () => {
    expect(await loadError(`name: "a\\ud800b"\n${CASE}`)).toMatch(/cannot be stored/);
  });

  it('refuses nesting past the limit', async () => {
    const deep = `${'['.repeat(200)}${']'.repeat(200)}`;
    expect(await loadError(`name: deep\nextra: ${deep}\n${CASE}`)).toMatch(/nested deeper than|invalid YAML/);
  });

  it.each([
    ['a counted repetition too large to compile', 'a{100000}'],
    ['a pattern longer than the limit', 'a'.repeat(600)],
  ])('refuses a regex assertion with %s at load', async (_why, pattern) => {
    const yaml = `name: re\ncases:\n  - id: one\n    request: { subject: { id: s1, audience: patient, consents: { sms: true } }, program: lumenzo-adherence, channel: sms }\n    assert: [{ type: regex, pattern: ${JSON.stringify(pattern)} }]\n`;
    expect(await loadError(yaml)).toMatch(/pattern/);
  });
});

describe('a regex assertion that backtracks catastrophically', () => {
  it('is stopped by its time budget and fails the case, saying why', async () => {
    const text = `${'a'.repeat(40)}!`;
    const answer = composeAnswer();
    const slow = outcome({ ...answer, message: { ...answer.message!, body: text } });
    const result = await judge(regex, slow, { pattern: '^(a+)+$' });
    expect(result.pass).toBe(false);
    expect(result.reason).toMatch(/took longer than \d+ ms/);
  });
});
