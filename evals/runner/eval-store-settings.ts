import type { PgSettings } from '../../src/store/pglite-template.js';

/**
 * An eval run's store holds one small library and a few thousand runs, and lives in the run's own process:
 * PGlite's WebAssembly memory grows to hold shared_buffers and never shrinks, so the server default
 * (128 MB) costs the process 128 MB for a cache the run does not need. Small WAL sizes let each
 * checkpoint drop the log instead of keeping up to max_wal_size (1 GB) of 16 MB segments in memory.
 */
export const EVAL_STORE_SETTINGS: PgSettings = {
  shared_buffers: '16MB',
  min_wal_size: '32MB',
  max_wal_size: '32MB',
};

/** How an eval run's store is kept small; `{}` (server defaults, no checkpoints) is the baseline benches compare with. */
export type StoreTuning = { settings?: PgSettings; checkpointEvery?: number };

/**
 * PGlite runs Postgres in single-user mode, where no checkpointer runs and the log is never recycled:
 * without an explicit CHECKPOINT every compose's WAL stays in the in-memory file system to the end.
 */
export const EVAL_STORE_TUNING: StoreTuning = { settings: EVAL_STORE_SETTINGS, checkpointEvery: 100 };
