import { describe, expect, it } from 'vitest';
import { memoBlockList } from '../../src/compose/memo-block-list.js';
import type { StoredBlock } from '../../src/domain/block.js';

describe('memoBlockList', () => {
  it('lists once per filter within the time it keeps, and again after', async () => {
    const calls: unknown[] = [];
    const content = {
      list: async (filter: unknown) => {
        calls.push(filter);
        return [] as StoredBlock[];
      },
    };
    const kept = memoBlockList(content, 60_000);
    await kept.list({ program: 'p', barrier: 'cost', limit: 500 });
    await kept.list({ program: 'p', barrier: 'cost', limit: 500 });
    await kept.list({ program: 'p', barrier: 'trust', limit: 500 });
    expect(calls).toHaveLength(2);
    const fresh = memoBlockList(content, 0);
    await fresh.list({ program: 'p', limit: 1 });
    await fresh.list({ program: 'p', limit: 1 });
    expect(calls).toHaveLength(4);
  });
});
