import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/runtime.js';
import { block, uniqueProgram } from '../support/blocks.js';
import { openMemoryRuntime, storeBlocks } from '../support/compose-fixtures.js';

// The compliance agent's one read: the blocks a message names and the programme's ISI blocks, together.
let runtime: Runtime;
beforeAll(async () => {
  runtime = await openMemoryRuntime();
});
afterAll(() => runtime?.store.close());

describe('byIdsAndList', () => {
  it('answers exactly what byIds and list answer apart, each in its own order', async () => {
    const program = uniqueProgram('reads');
    const isi = (n: number, channels: Array<'sms' | 'email'>) =>
      block({ program, kind: 'isi', channels, tags: { barriers: [], bcts: [] }, text: `Safety information ${n}.` });
    const named = [
      block({ program, text: 'Help with the copay is here.' }),
      block({ program, text: 'Ask your pharmacist.', approval: { expiresAt: '2020-12-31' } }),
    ];
    const isiBlocks = [isi(2, ['sms']), isi(1, ['sms', 'email']), isi(3, ['email'])];
    await storeBlocks(runtime, [...named, ...isiBlocks]);
    const ids = [named[1]!.id, named[0]!.id, 'NO-SUCH-BLOCK'];
    const filter = { program, audience: 'patient', channel: 'sms' as const, kinds: ['isi' as const], limit: 50 };

    const together = await runtime.content.byIdsAndList(ids, filter);

    expect(together).toEqual({ byIds: await runtime.content.byIds(ids), list: await runtime.content.list(filter) });
    expect(together.byIds.map((b) => [b.id, b.usable])).toEqual(
      expect.arrayContaining([
        [named[0]!.id, true],
        [named[1]!.id, false],
      ]),
    );
    expect(together.byIds).toHaveLength(2);
    // The SMS listing: both SMS ISI blocks, not the e-mail one, whatever the order (the first check holds it).
    expect(together.list.map((b) => b.id).sort()).toEqual([isiBlocks[0]!.id, isiBlocks[1]!.id].sort());
  });
});
