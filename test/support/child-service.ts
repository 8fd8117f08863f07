import type { ChildProcess } from 'node:child_process';
import { spawnNof1 } from './cli.js';
import { freePort } from './free-port.js';
import { KEY_SPEC, KEYS, type KeyName } from './service.js';

export type ChildService = {
  url: string;
  child: ChildProcess;
  call(
    method: string,
    path: string,
    opts?: { key?: KeyName; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  /** Resolves once the child has exited (after kill, or on its own). */
  exited: Promise<void>;
};

/** Resolves with the first JSON log line of the child that has the given message. */
export function logLine(child: ChildProcess, msg: string) {
  return new Promise<Record<string, unknown>>((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const entry = line.startsWith('{') ? (JSON.parse(line) as Record<string, unknown>) : undefined;
        if (entry?.msg === msg) {
          child.stdout?.off('data', onData);
          resolve(entry);
        }
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`nof1 exited (${code}) before logging "${msg}"`)));
  });
}

/** Starts `nof1 serve` as a child process on a free port and waits until it listens. */
export async function startChildService(
  env: Record<string, string>,
  // One process unless a test asks for workers: `nof1 serve` defaults to one per core.
  args: string[] = ['--workers', '1'],
): Promise<ChildService> {
  const port = await freePort();
  const child = spawnNof1(['serve', ...args], {
    PORT: String(port),
    NOF1_API_KEYS: KEY_SPEC,
    LOG_LEVEL: 'info',
    ...env,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await logLine(child, 'nof1 listening');
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    child,
    exited,
    call(method, path, opts = {}) {
      const headers: Record<string, string> = { authorization: `Bearer ${KEYS[opts.key ?? 'admin']}`, ...opts.headers };
      let body: string | undefined;
      if (opts.body !== undefined) {
        body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
        headers['content-type'] ??= 'application/json';
      }
      return fetch(`${url}${path}`, { method, headers, body });
    },
  };
}
