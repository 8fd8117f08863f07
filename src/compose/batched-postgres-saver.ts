import type { RunnableConfig } from '@langchain/core/runnables';
import {
  type ChannelVersions,
  type Checkpoint,
  type CheckpointMetadata,
  type PendingWrite,
  WRITES_IDX_MAP,
} from '@langchain/langgraph-checkpoint';
import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import type pg from 'pg';
import { inOneFlight } from '../store/pipelined-transaction.js';

// PostgresSaver's own tables in its default schema, which is the one the stack sets up.
const BLOBS = '"public".checkpoint_blobs';
const CHECKPOINTS = '"public".checkpoints';
const WRITES = '"public".checkpoint_writes';
// The library's two statements for a pending write: special channels (fixed idx) replace, others keep the first.
const WRITE_COLUMNS = `INSERT INTO ${WRITES} (thread_id, checkpoint_ns, checkpoint_id, task_id, idx, channel, type, blob)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (thread_id, checkpoint_ns, checkpoint_id, task_id, idx)`;
const UPSERT_WRITE = `${WRITE_COLUMNS} DO UPDATE SET channel = EXCLUDED.channel, type = EXCLUDED.type, blob = EXCLUDED.blob`;
const INSERT_WRITE = `${WRITE_COLUMNS} DO NOTHING`;

/**
 * Creates PostgresSaver's tables, or brings them up to date: kept in the prepared snapshot (runtime.ts), so
 * a new store's first worker finds them made.
 */
export function setupCheckpointTables(pool: pg.Pool): Promise<void> {
  return new BatchedPostgresSaver(pool).setup();
}

/**
 * PostgresSaver writing a checkpoint in one statement: its channel blobs (one row each, a held run has
 * about thirty) and the checkpoint row. The library sends one statement per blob inside a transaction,
 * and with the embedded store a transaction keeps every other connection waiting for all of its round
 * trips; one statement is just as atomic. Same rows, same conflict rules, same serialisation.
 */
export class BatchedPostgresSaver extends PostgresSaver {
  constructor(private readonly db: pg.Pool) {
    super(db);
  }

  override async put(
    config: RunnableConfig,
    checkpoint: Checkpoint,
    metadata: CheckpointMetadata,
    newVersions: ChannelVersions,
  ): Promise<RunnableConfig> {
    if (config.configurable === undefined) throw new Error('Missing "configurable" field in "config" param');
    const { thread_id, checkpoint_ns = '', checkpoint_id } = config.configurable;
    const [blobs, serializedMetadata] = await Promise.all([
      this._dumpBlobs(thread_id, checkpoint_ns, checkpoint.channel_values, newVersions),
      this._dumpMetadata(metadata),
    ]);
    const column = (i: number) => blobs.map((b) => b[i] ?? null);
    await this.db.query(
      `WITH blobs AS (
         INSERT INTO ${BLOBS} (thread_id, checkpoint_ns, channel, version, type, blob)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bytea[])
         ON CONFLICT (thread_id, checkpoint_ns, channel, version) DO NOTHING
       )
       INSERT INTO ${CHECKPOINTS} (thread_id, checkpoint_ns, checkpoint_id, parent_checkpoint_id, checkpoint, metadata)
       VALUES ($7, $8, $9, $10, $11, $12)
       ON CONFLICT (thread_id, checkpoint_ns, checkpoint_id)
       DO UPDATE SET checkpoint = EXCLUDED.checkpoint, metadata = EXCLUDED.metadata`,
      [
        column(0),
        column(1),
        column(2),
        column(3),
        column(4),
        column(5),
        thread_id,
        checkpoint_ns,
        checkpoint.id,
        checkpoint_id,
        this._dumpCheckpoint(checkpoint),
        serializedMetadata,
      ],
    );
    return { configurable: { thread_id, checkpoint_ns, checkpoint_id: checkpoint.id } };
  }

  /**
   * The library's pending writes, statement for statement and in one transaction, but sent together in one
   * round trip (pipelined) instead of one each: the transaction holds the embedded store meanwhile.
   */
  override async putWrites(config: RunnableConfig, writes: PendingWrite[], taskId: string): Promise<void> {
    const sql = writes.every((w) => w[0] in WRITES_IDX_MAP) ? UPSERT_WRITE : INSERT_WRITE;
    const { thread_id, checkpoint_ns, checkpoint_id } = config.configurable ?? {};
    const rows = await this._dumpWrites(thread_id, checkpoint_ns, checkpoint_id, taskId, writes);
    await inOneFlight(this.db, (client) => rows.map((row) => client.query(sql, row)));
  }

  /** The library's three deletes in one transaction, sent in one round trip (a decided run's checkpoints go). */
  override async deleteThread(threadId: string): Promise<void> {
    await inOneFlight(this.db, (client) =>
      [BLOBS, CHECKPOINTS, WRITES].map((table) =>
        client.query(`DELETE FROM ${table} WHERE thread_id = $1`, [threadId]),
      ),
    );
  }
}
