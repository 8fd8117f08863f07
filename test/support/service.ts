import { Writable } from 'node:stream';
import { inject } from 'vitest';
import { startCluster } from '../../src/cli/serve-cluster.js';
import { parseEnv } from '../../src/env.js';
import { createLogger } from '../../src/logger.js';
import { type RunningService, startService } from '../../src/service.js';

export const KEYS = {
  admin: 'admin-key-0001',
  client: 'client-key-0001',
  strategist: 'strategist-key-0001',
  reviewer: 'reviewer-key-0001',
  safety: 'safety-key-0001',
  metrics: 'metrics-key-0001',
} as const;
export type KeyName = keyof typeof KEYS;

export const KEY_SPEC = Object.entries(KEYS)
  .map(([role, key]) => `${role}:${key}`)
  .join(',');

declare module 'vitest' {
  export interface ProvidedContext {
    /** Worker processes of the service the tests start (vitest.config.ts: the multi-process project). */
    serviceWorkers?: number;
  }
}

export type TestService = RunningService & {
  /** Every log line the service wrote, parsed (the workers' too, when it runs several). */
  logs: Array<Record<string, unknown>>;
  /** The worker processes serving, when the service runs several; empty for one process. */
  workerPids(): number[];
  call(
    method: string,
    path: string,
    opts?: { key?: KeyName | null; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
};

/** Collects JSON log lines written in chunks that may end anywhere. */
function logSink(logs: Array<Record<string, unknown>>) {
  let partial = '';
  return new Writable({
    write(chunk, _enc, done) {
      const lines = (partial + String(chunk)).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.trim().startsWith('{')) logs.push(JSON.parse(line));
      done();
    },
  });
}

/**
 * Starts the real service on a free port; the store is in memory unless NOF1_DATA_DIR is given. With
 * `workers` above 1 (or the project's `serviceWorkers`), it is the multi-process server of
 * `nof1 serve --workers N`: this process is the primary owning the store, the workers are child processes.
 */
export async function startTestService(
  env: Record<string, string> = {},
  opts: { workers?: number } = {},
): Promise<TestService> {
  const logs: Array<Record<string, unknown>> = [];
  const parsed = parseEnv({
    PORT: '0',
    NOF1_DATA_DIR: 'memory',
    NOF1_API_KEYS: KEY_SPEC,
    NOF1_DEMO: '1',
    LOG_LEVEL: 'info',
    ...env,
  });
  const workers = opts.workers ?? inject('serviceWorkers') ?? 1;
  const logger = createLogger(parsed.LOG_LEVEL, logSink(logs));
  const workerLogs = logSink(logs);
  const service =
    workers > 1
      ? {
          ...(await startCluster(parsed, logger, { workers, workerOutput: (chunk) => workerLogs.write(chunk) })),
          // The closed loop runs inside each worker process: a test cannot drive it from here.
          worker: { runOnce: () => Promise.reject(new Error('the loop worker runs in the worker processes')) },
        }
      : { ...(await startService(parsed, logger)), workerPids: () => [] };
  return {
    ...service,
    logs,
    call(method, path, opts = {}) {
      const headers: Record<string, string> = { ...opts.headers };
      const key = opts.key === undefined ? 'admin' : opts.key;
      if (key) headers.authorization = `Bearer ${KEYS[key]}`;
      let body: string | undefined;
      if (opts.body !== undefined) {
        body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
        headers['content-type'] ??= 'application/json';
      }
      return fetch(`${service.url}${path}`, { method, headers, body });
    },
  };
}
