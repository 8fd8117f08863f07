import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A running service leaves its URL in the data folder it holds, so the command line, which cannot open a
 * folder in use, can reach the service instead. No key is written: the CLI is given one (--key, NOF1_KEY).
 */
export type ServiceFile = { url: string; pid: number; startedAt: string };

const FILE = 'service.json';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The URL a server listening on `host` and `port` answers at (an IPv6 address in brackets). */
export const listenUrl = (host: string, port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

/**
 * Leaves the URL of the service now listening in the data folder it holds (an embedded store in a folder;
 * a Postgres server's or an in-memory store has none), and returns what takes it away at shutdown.
 */
export async function announceService(
  store: { kind: 'embedded' | 'postgres' },
  dataDir: string,
  url: string,
): Promise<() => Promise<void>> {
  if (store.kind !== 'embedded' || dataDir === 'memory') return async () => undefined;
  // A service listening on every address is reached on loopback.
  const file: ServiceFile = {
    url: url.replace('0.0.0.0', '127.0.0.1'),
    pid: process.pid,
    startedAt: new Date().toISOString(),
  };
  await writeFile(join(dataDir, FILE), `${JSON.stringify(file, null, 2)}\n`);
  return () => rm(join(dataDir, FILE), { force: true });
}

/** The service running on this folder, or undefined (no file, or its process is gone). */
export async function runningService(dataDir: string): Promise<ServiceFile | undefined> {
  try {
    const file = JSON.parse(await readFile(join(dataDir, FILE), 'utf8')) as ServiceFile;
    return typeof file.url === 'string' && Number.isInteger(file.pid) && alive(file.pid) ? file : undefined;
  } catch {
    return undefined;
  }
}
