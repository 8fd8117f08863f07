import { type Checkpoint, copyCheckpoint, type SerializerProtocol } from '@langchain/langgraph-checkpoint';

const isCheckpoint = (data: unknown): data is Checkpoint =>
  typeof data === 'object' && data !== null && 'channel_values' in data && 'versions_seen' in data;

/**
 * A "serializer" for checkpoints that never leave this process: it keeps the objects themselves. A run's
 * in-memory checkpoint is written once and read once (the run's final state); serialising the whole state,
 * trace steps included, to JSON and parsing it back cost ≈ 5 % of a compose's CPU for nothing. What must
 * outlive the process (a held run) is written by the durable saver, with its own serializer.
 *
 * A checkpoint is handed out as a copy (LangGraph's own copy: fresh maps of values and versions), since
 * LangGraph applies pending writes to the checkpoint it reads; the values inside are shared, as they are
 * between LangGraph's channels and the nodes that wrote them, and nothing writes into them.
 */
export const inProcessSerde: SerializerProtocol = {
  dumpsTyped: async (data: unknown) => ['json', data as Uint8Array],
  loadsTyped: async (_type: string, data: unknown) => (isCheckpoint(data) ? copyCheckpoint(data) : data),
};
