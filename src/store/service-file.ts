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

export async function writeServiceFile(dataDir: string, info: Omit<ServiceFile, 'startedAt'>) {
  const file: ServiceFile = { ...info, startedAt: new Date().toISOString() };
  await writeFile(join(dataDir, FILE), `${JSON.stringify(file, null, 2)}\n`);
}

export async function removeServiceFile(dataDir: string) {
  await rm(join(dataDir, FILE), { force: true });
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
