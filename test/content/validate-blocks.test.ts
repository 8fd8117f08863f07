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

  it('reads an approval timestamp as its UTC day and accepts BCP 47 locales', () => {
    const b = block({
      locale: 'es-419',
      approval: { approvedAt: '2026-02-01T00:00:00Z', expiresAt: '2027-12-31T23:00:00-02:00' },
    });
    const { valid, rejected } = validateBlocks([
      { value: b },
      { value: block({ approval: { approvedAt: '01/02/2026' } }) },
    ]);
    expect(valid[0]?.approval).toMatchObject({ approvedAt: '2026-02-01', expiresAt: '2028-01-01' });
    expect(valid[0]?.locale).toBe('es-419');
    expect(rejected[0]?.errors).toEqual([{ path: 'approval.approvedAt', message: 'expected a date as YYYY-MM-DD' }]);
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

  it('takes a block as the service lists it (version, usable, score), ignoring what the listing added', () => {
    const plain = block();
    const { valid, rejected } = validateBlocks([{ value: { ...plain, version: 3, usable: true, score: 0.03 } }]);
    expect(rejected).toEqual([]);
    expect(valid[0]).toEqual(validateBlocks([{ value: plain }]).valid[0]);
    expect(valid[0]).not.toHaveProperty('version');
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
