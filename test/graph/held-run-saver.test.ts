import { emptyCheckpoint, MemorySaver } from '@langchain/langgraph-checkpoint';
import { describe, expect, it } from 'vitest';
import { HeldRunSaver } from '../../src/graph/held-run-saver.js';

const config = { configurable: { thread_id: 't-1', checkpoint_ns: '' } };

/** A checkpoint as LangGraph writes one at a run's end: state values, their versions, what each node saw. */
function finalCheckpoint() {
  const checkpoint = emptyCheckpoint();
  checkpoint.channel_values = { status: 'approved', steps: [{ node: 'finalize' }] };
  checkpoint.channel_versions = { status: 3, steps: 3 };
  checkpoint.versions_seen = { finalize: { status: 2 } };
  return checkpoint;
}

describe('HeldRunSaver in memory (checkpoints kept as objects, not JSON)', () => {
  it('hands out a checkpoint that can be changed without changing what it keeps', async () => {
    const saver = new HeldRunSaver(new MemorySaver());
    saver.begin('t-1');
    await saver.put(config, finalCheckpoint(), { source: 'loop', step: 3, parents: {} }, {});

    const first = (await saver.getTuple(config))!;
    // What LangGraph does to the checkpoint it reads when it applies pending writes.
    first.checkpoint.channel_values.status = 'blocked';
    first.checkpoint.channel_versions.status = 4;
    first.checkpoint.versions_seen.finalize!.status = 4;

    const again = (await saver.getTuple(config))!;
    expect(again.checkpoint.channel_values).toEqual({ status: 'approved', steps: [{ node: 'finalize' }] });
    expect(again.checkpoint.channel_versions).toEqual({ status: 3, steps: 3 });
    expect(again.checkpoint.versions_seen).toEqual({ finalize: { status: 2 } });
    expect(again.metadata).toMatchObject({ source: 'loop', step: 3 });
  });

  it('keeps pending writes as written, and forgets the thread', async () => {
    const saver = new HeldRunSaver(new MemorySaver());
    saver.begin('t-1');
    const saved = await saver.put(config, finalCheckpoint(), { source: 'loop', step: 3, parents: {} }, {});
    await saver.putWrites(saved, [['__interrupt__', [{ value: { reason: 'low_confidence' } }]]], 'task-1');

    expect((await saver.getTuple(config))!.pendingWrites).toEqual([
      ['task-1', '__interrupt__', [{ value: { reason: 'low_confidence' } }]],
    ]);
    await saver.forget('t-1', false);
    expect(await saver.getTuple(config)).toBeUndefined();
  });
});
