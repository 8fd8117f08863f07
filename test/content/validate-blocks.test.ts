import { describe, expect, it } from 'vitest';
import { validateBlocks } from '../../src/content/validate-blocks.js';
import { block } from '../support/blocks.js';

describe('validateBlocks', () => {
  it('rejects a second block with the same id, keeping the first', () => {
    const first = block();
    const { valid, rejected } = validateBlocks([
      { value: first },
      { value: { ...first, text: 'Another text.' }, line: 7 },
    ]);
    expect(valid.map((b) => [b.id, b.text])).toEqual([[first.id, first.text]]);
    expect(rejected).toEqual([
      { id: first.id, line: 7, errors: [{ path: 'id', message: 'the same id appears earlier in this import' }] },
    ]);
  });

  it('rejects each bad block on its own with every reason and path', () => {
    const good = block();
    const bad = block({ audience: 'Patients!', approval: { approvedAt: '2030-01-01', expiresAt: '2029-01-01' } });
    const { valid, rejected } = validateBlocks([{ value: bad }, { value: good }, { value: 'not a block' }]);
    expect(valid.map((b) => b.id)).toEqual([good.id]);
    expect(rejected).toEqual([
      {
        id: bad.id,
        errors: expect.arrayContaining([
          { path: 'audience', message: expect.any(String) },
          { path: 'approval.expiresAt', message: 'expiresAt is before approvedAt' },
        ]),
      },
      { id: null, errors: [{ path: '(root)', message: expect.any(String) }] },
    ]);
  });

  it('rejects unknown fields in a block', () => {
    const { rejected } = validateBlocks([{ value: { ...block(), colour: 'blue' } }]);
    expect(rejected[0]?.errors[0]?.message).toMatch(/colour/);
  });

  it('fills the optional fields with their defaults', () => {
    const { id, program, audience, channels, kind, text, approval } = block();
    const { valid } = validateBlocks([{ value: { id, program, audience, channels, kind, text, approval } }]);
    expect(valid[0]).toMatchObject({
      requiresIsi: false,
      locale: 'en-US',
      tags: { barriers: [], bcts: [], topics: [] },
    });
  });
});
