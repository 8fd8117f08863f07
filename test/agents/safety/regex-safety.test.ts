import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAFETY_DATA_DIR } from '../../../agents/safety/locale-files.js';
import { unsafeRegexReason } from '../../../agents/safety/regex-safety.js';
import { compileRules, readSafetyRules, UnsafeRuleError } from '../../../agents/safety/safety-rules.js';

describe('unsafeRegexReason', () => {
  it.each([
    ['(a+)+b', 'unbounded quantifier "+"'],
    ['\\w*\\w*x', 'unbounded quantifier "*"'],
    ['a{2,}', 'unbounded range "{n,}"'],
    ['(a{1,40}){1,40}', 'range over a group that repeats inside'],
    ['(ab?){2,5}', 'range over a group that repeats inside'],
    ['((a?)b){2}', 'range over a group that repeats inside'],
    ['x[^.]{0,40}y[^.]{0,40}z', 'more than one wide range'],
    ['(a)\\1', 'back-reference'],
    ['a{0,61}', 'range above 60'],
    ['(ab', 'unbalanced parenthesis'],
  ])('refuses %s', (pattern, reason) => {
    expect(unsafeRegexReason(pattern)).toBe(reason);
  });

  it.each([
    '\\bkill (my ?self|myself)\\b',
    '\\b(since|after) (i )?started [^.?!]{0,40}\\b(rash|hives)',
    '(?<!if )i am (\\d{1,2} weeks )?pregnant',
    '[a-z]{1,3}(x|y)?',
  ])('accepts %s', (pattern) => {
    expect(unsafeRegexReason(pattern)).toBeNull();
  });
});

describe('committed rule files', () => {
  const files = readdirSync(SAFETY_DATA_DIR).filter((f) => /^safety-rules\..+\.yaml$/.test(f));

  it('exist for en-US at least', () => {
    expect(files).toContain('safety-rules.en-US.yaml');
  });

  it.each(files)('%s has only provably linear patterns', (file) => {
    const { rules } = readSafetyRules(`${SAFETY_DATA_DIR}${file}`);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules)
      for (const pattern of rule.patterns) expect(unsafeRegexReason(pattern), pattern).toBeNull();
  });

  it('loading refuses a rule that could backtrack or that matches the empty string', () => {
    const rule = (pattern: string) => ({
      locale: 'xx',
      rules: [{ kind: 'crisis' as const, cue: 'bad', score: 1, guarded: false, patterns: [pattern] }],
    });
    expect(() => compileRules(rule('(a+)+$'))).toThrow(UnsafeRuleError);
    expect(() => compileRules(rule('(x)?'))).toThrow(/matches nothing at all/);
  });
});
