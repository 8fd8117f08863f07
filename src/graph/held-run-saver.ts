import type { RunnableConfig } from '@langchain/core/runnables';
import {
  BaseCheckpointSaver,
  type ChannelVersions,
  type Checkpoint,
  type CheckpointListOptions,
  type CheckpointMetadata,
  type CheckpointTuple,
  MemorySaver,
  type PendingWrite,
} from '@langchain/langgraph-checkpoint';
import { inProcessSerde } from './in-process-serde.js';

/**
 * A checkpointer that keeps a run's checkpoints in memory while it runs and writes them to the
 * durable saver only when the run stops at a human-review interrupt. Completed runs are fully
 * recorded in their run row and trace, so their checkpoints are dropped instead of costing a
 * database round trip per channel on the hot path; held runs survive restarts as before.
 */
export class HeldRunSaver extends BaseCheckpointSaver {
  private readonly memory = new MemorySaver(inProcessSerde);
  /** Threads this process started and has not persisted: the durable saver cannot hold anything for them. */
  private readonly fresh = new Set<string>();

  constructor(private readonly durable: BaseCheckpointSaver) {
    super(durable.serde);
  }

  /** Marks a thread id this process just made up (a new run), so reads skip the durable saver's round trip. */
  begin(threadId: string) {
    this.fresh.add(threadId);
  }

  /** The run's checkpoints are persisted or dropped (or the run failed): reads consult the durable saver again. */
  end(threadId: string) {
    this.fresh.delete(threadId);
  }

  private isFresh(config: RunnableConfig) {
    const id = config.configurable?.thread_id;
    return typeof id === 'string' && this.fresh.has(id);
  }

  async getTuple(config: RunnableConfig): Promise<CheckpointTuple | undefined> {
    const held = await this.memory.getTuple(config);
    if (held || this.isFresh(config)) return held;
    return this.durable.getTuple(config);
  }

  async *list(config: RunnableConfig, options?: CheckpointListOptions): AsyncGenerator<CheckpointTuple> {
    let any = false;
    for await (const t of this.memory.list(config, options)) {
      any = true;
      yield t;
    }
    if (!any && !this.isFresh(config)) yield* this.durable.list(config, options);
  }

  put(config: RunnableConfig, checkpoint: Checkpoint, metadata: CheckpointMetadata, _newVersions: ChannelVersions) {
    return this.memory.put(config, checkpoint, metadata);
  }

  putWrites(config: RunnableConfig, writes: PendingWrite[], taskId: string) {
    return this.memory.putWrites(config, writes, taskId);
  }

  async deleteThread(threadId: string) {
    this.fresh.delete(threadId);
    await this.memory.deleteThread(threadId);
    await this.durable.deleteThread(threadId);
  }

  /** Writes the thread's latest checkpoint and its pending writes (the interrupt) to the durable saver. */
  async persist(threadId: string) {
    this.fresh.delete(threadId);
    const latest = await this.memory.getTuple({ configurable: { thread_id: threadId } });
    if (!latest) return;
    const parent = latest.parentConfig ?? { configurable: { thread_id: threadId, checkpoint_ns: '' } };
    const saved = await this.durable.put(
      parent,
      latest.checkpoint,
      latest.metadata!,
      latest.checkpoint.channel_versions,
    );
    const byTask = new Map<string, PendingWrite[]>();
    for (const [taskId, channel, value] of latest.pendingWrites ?? []) {
      byTask.set(taskId, [...(byTask.get(taskId) ?? []), [channel, value]]);
    }
    for (const [taskId, writes] of byTask) await this.durable.putWrites(saved, writes, taskId);
    await this.memory.deleteThread(threadId);
  }

  /** Drops a finished run's in-memory checkpoints (and any durable ones from its hold). */
  async forget(threadId: string, alsoDurable: boolean) {
    this.fresh.delete(threadId);
    await this.memory.deleteThread(threadId);
    if (alsoDurable) await this.durable.deleteThread(threadId);
  }
}
