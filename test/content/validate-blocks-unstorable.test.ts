import { describe, expect, it } from 'vitest';
import { validateBlocks } from '../../src/content/validate-blocks.js';
import { block } from '../support/blocks.js';

describe('blocks from a file with text the store cannot hold', () => {
  it('rejects only those blocks, saying where, and keeps the others', () => {
    const good = block({});
    const nul = { ...block({}), text: 'Save on your copay.\u0000' };
    const surrogate = { ...block({}), approval: { ...block({}).approval, code: 'LZ-\ud800' } };
    const { valid, rejected } = validateBlocks([nul, good, surrogate].map((value, i) => ({ value, line: i + 2 })));
    expect(valid.map((b) => b.id)).toEqual([good.id]);
    expect(rejected).toEqual([
      { id: null, line: 2, errors: [{ path: 'text', message: expect.stringMatching(/cannot be stored/) }] },
      { id: null, line: 4, errors: [{ path: 'approval.code', message: expect.stringMatching(/cannot be stored/) }] },
    ]);
  });
});
