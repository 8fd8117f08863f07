import { describe, expect, it } from 'vitest';
import { findInputFault } from '../../src/domain/unstorable-input.js';

const nested = (depth: number): unknown => {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

describe('findInputFault', () => {
  it('passes ordinary JSON, emoji and every plane of Unicode', () => {
    expect(findInputFault({ a: ['x', 1, null, true, { b: 'café 😀 漢字' }] })).toBeUndefined();
    expect(findInputFault(nested(32))).toBeUndefined();
  });

  it.each([
    ['a NUL in a string', { subject: { id: 'a\u0000b' } }, 'subject.id'],
    ['a lone high surrogate', { signals: [{ type: 'x\ud800' }] }, 'signals.0.type'],
    ['a lone low surrogate', ['\udc00'], '0'],
    ['a NUL in a key', { data: { 'k\u0000': 1 } }, 'data.*'],
  ])('finds %s and says where', (_why, value, path) => {
    expect(findInputFault(value)).toEqual({ path, problem: 'unstorable text' });
  });

  it('finds a __proto__ key, as JSON.parse makes it (an own field), and says where', () => {
    expect(findInputFault(JSON.parse('{"signals": [{"data": {"__proto__": {"text": "x"}}}]}'))).toEqual({
      path: 'signals.0.data.__proto__',
      problem: 'reserved key',
    });
  });

  it('never shows a key that could be personal in the path', () => {
    expect(findInputFault({ 'jane.roe@example.com': 'a\u0000' })).toEqual({ path: '*', problem: 'unstorable text' });
  });

  it('stops at the depth limit, however deep the value goes (no recursion to overflow)', () => {
    expect(findInputFault(nested(33))?.problem).toBe('too deep');
    expect(findInputFault(nested(100_000))?.problem).toBe('too deep');
  });
});
