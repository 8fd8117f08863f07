/** What the primary of `nof1 serve --workers N` and its worker processes tell each other over IPC. */
export type ToWorker =
  /** The store is ready: the environment to start the service with (its DATABASE_URL is the shared store). */
  | { type: 'start'; env: Record<string, string>; checkpointsReady: boolean }
  /** Another worker imported content: drop what was cached from the library. */
  | { type: 'content-changed' }
  /** Finish in-flight requests, close, exit. */
  | { type: 'stop' };

export type FromWorker =
  /** Loaded far enough to take the start message. */
  | { type: 'hello' }
  | { type: 'listening'; port: number }
  | { type: 'failed'; message: string }
  | { type: 'content-changed' };
