import { emptyCheckpoint } from '@langchain/langgraph-checkpoint';
import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchedPostgresSaver } from '../../src/compose/batched-postgres-saver.js';
import type { Runtime } from '../../src/runtime.js';
import { openMemoryRuntime } from '../support/compose-fixtures.js';

let runtime: Runtime;
beforeAll(async () => {
  runtime = await openMemoryRuntime();
  await new PostgresSaver(runtime.store.pool).setup();
});
afterAll(() => runtime?.store.close());

const checkpointOf = (id: string, values: Record<string, unknown>) => ({
  ...emptyCheckpoint(),
  id,
  channel_values: values,
  channel_versions: Object.fromEntries(Object.keys(values).map((k) => [k, 1])),
});

describe('BatchedPostgresSaver', () => {
  it('writes what the library saver reads back: every channel blob, the checkpoint and its parent link', async () => {
    const batched = new BatchedPostgresSaver(runtime.store.pool);
    const library = new PostgresSaver(runtime.store.pool);
    const values = { request: { program: 'p', signals: [1, 2] }, steps: [{ node: 'a' }], status: 'needs_review' };
    const first = checkpointOf('00000000-0000-6000-8000-000000000001', values);
    const root = { configurable: { thread_id: 'batched-1', checkpoint_ns: '' } };
    const saved = await batched.put(root, first, { source: 'loop', step: 1, parents: {} }, first.channel_versions);
    const next = checkpointOf('00000000-0000-6000-8000-000000000002', { ...values, status: 'approved' });
    next.channel_versions = { ...first.channel_versions, status: 2 };
    await batched.put(saved, next, { source: 'loop', step: 2, parents: {} }, { status: 2 });

    const tuple = await library.getTuple({ configurable: { thread_id: 'batched-1' } });
    expect(tuple?.checkpoint.id).toBe(next.id);
    expect(tuple?.checkpoint.channel_values).toEqual({ ...values, status: 'approved' });
    expect(tuple?.parentConfig?.configurable?.checkpoint_id).toBe(first.id);
    expect(tuple?.metadata).toMatchObject({ source: 'loop', step: 2 });
  });

  it('writes the same blob twice without failing, as the library does (conflicts are kept, not replaced)', async () => {
    const batched = new BatchedPostgresSaver(runtime.store.pool);
    const cp = checkpointOf('00000000-0000-6000-8000-000000000003', { status: 'held' });
    const root = { configurable: { thread_id: 'batched-2', checkpoint_ns: '' } };
    await batched.put(root, cp, { source: 'loop', step: 1, parents: {} }, cp.channel_versions);
    await batched.put(root, cp, { source: 'update', step: 1, parents: {} }, cp.channel_versions);
    const tuple = await new PostgresSaver(runtime.store.pool).getTuple({ configurable: { thread_id: 'batched-2' } });
    expect(tuple?.checkpoint.channel_values).toEqual({ status: 'held' });
    expect(tuple?.metadata).toMatchObject({ source: 'update' });
  });

  it('keeps pending writes as the library does: first kept, a special channel replaced, all in order', async () => {
    const savers = {
      batched: new BatchedPostgresSaver(runtime.store.pool),
      library: new PostgresSaver(runtime.store.pool),
    };
    const pending = async (saver: PostgresSaver, thread: string) => {
      const cp = checkpointOf('00000000-0000-6000-8000-000000000004', { status: 'held' });
      const root = { configurable: { thread_id: thread, checkpoint_ns: '' } };
      const saved = await saver.put(root, cp, { source: 'loop', step: 1, parents: {} }, cp.channel_versions);
      await saver.putWrites(
        saved,
        [
          ['a', 1],
          ['b', { x: 2 }],
          ['c', 'three'],
        ],
        'task-1',
      );
      await saver.putWrites(saved, [['a', 9]], 'task-1');
      await saver.putWrites(saved, [['__interrupt__', 'first']], 'task-2');
      await saver.putWrites(saved, [['__interrupt__', 'second']], 'task-2');
      return (await saver.getTuple(saved))?.pendingWrites;
    };
    const batched = await pending(savers.batched, 'batched-writes');
    expect(batched).toEqual(await pending(savers.library, 'library-writes'));
    expect(batched).toEqual([
      ['task-1', 'a', 1],
      ['task-1', 'b', { x: 2 }],
      ['task-1', 'c', 'three'],
      ['task-2', '__interrupt__', 'second'],
    ]);
  });

  it('deletes one thread: its checkpoints, blobs and pending writes, and nothing of another thread', async () => {
    const batched = new BatchedPostgresSaver(runtime.store.pool);
    const library = new PostgresSaver(runtime.store.pool);
    const saveThread = async (thread: string) => {
      const cp = checkpointOf('00000000-0000-6000-8000-000000000005', { status: 'held' });
      const root = { configurable: { thread_id: thread, checkpoint_ns: '' } };
      const saved = await batched.put(root, cp, { source: 'loop', step: 1, parents: {} }, cp.channel_versions);
      await batched.putWrites(saved, [['a', 1]], 'task-1');
      return saved;
    };
    const gone = await saveThread('delete-me');
    const kept = await saveThread('keep-me');
    await batched.deleteThread('delete-me');
    expect(await library.getTuple(gone)).toBeUndefined();
    const left = await runtime.store.pool.query(
      `SELECT (SELECT count(*)::int FROM checkpoint_blobs WHERE thread_id = $1) AS blobs,
         (SELECT count(*)::int FROM checkpoint_writes WHERE thread_id = $1) AS writes`,
      ['delete-me'],
    );
    expect(left.rows[0]).toEqual({ blobs: 0, writes: 0 });
    expect((await library.getTuple(kept))?.pendingWrites).toEqual([['task-1', 'a', 1]]);
  });
});
