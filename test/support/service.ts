import { Writable } from 'node:stream';
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

export type TestService = RunningService & {
  /** Every log line the service wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  call(
    method: string,
    path: string,
    opts?: { key?: KeyName | null; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
};

/** Starts the real service on a free port; the store is in memory unless NOF1_DATA_DIR is given. */
export async function startTestService(env: Record<string, string> = {}): Promise<TestService> {
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logs.push(JSON.parse(line));
      done();
    },
  });
  const parsed = parseEnv({
    PORT: '0',
    NOF1_DATA_DIR: 'memory',
    NOF1_API_KEYS: KEY_SPEC,
    NOF1_DEMO: '1',
    LOG_LEVEL: 'info',
    ...env,
  });
  const service = await startService(parsed, createLogger(parsed.LOG_LEVEL, sink));
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
