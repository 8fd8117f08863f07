import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const BIN = new URL('../../src/bin/nof1.js', import.meta.url).pathname;

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** CPU seconds (user + system) a live process has used, from /proc on Linux; NaN elsewhere. */
async function cpuSeconds(pid: number | undefined): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return stat ? (Number(fields[11]) + Number(fields[12])) / 100 : Number.NaN; // utime, stime in clock ticks
}

/** A process and its children (the workers of `nof1 serve --workers N`), from /proc. */
async function processTree(pid: number): Promise<number[]> {
  const children = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  const ids = children.split(' ').filter(Boolean).map(Number);
  return [pid, ...(await Promise.all(ids.map(processTree))).flat()];
}

/** CPU seconds of each process of a tree, by process id (the root first, then its workers). */
export async function treeCpuByProcess(pid: number): Promise<Map<number, number>> {
  const pids = await processTree(pid);
  const cpus = await Promise.all(pids.map(cpuSeconds));
  return new Map(pids.flatMap((p, i) => (Number.isFinite(cpus[i]) ? [[p, cpus[i]!] as [number, number]] : [])));
}

export type Served = { child: ChildProcess; url: string; log: () => string; stop(): Promise<number | null> };

/**
 * `nof1 serve` as its own process, waited for until /healthz answers (and, when given, a log line has
 * appeared: the primary's `nof1 workers listening`); stop() sends SIGTERM and waits for the exit code.
 */
export async function serve(
  args: string[],
  env: Record<string, string>,
  opts: { readyLine?: string; giveUpMs?: number } = {},
): Promise<Served> {
  const giveUpMs = opts.giveUpMs ?? 120_000;
  const port = await freePort();
  let log = '';
  const child = spawn(process.execPath, [BIN, 'serve', ...args], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + giveUpMs;
  for (;;) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nof1 serve ${args.join(' ')} did not become healthy:\n${log}`);
    }
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok && (!opts.readyLine || log.includes(opts.readyLine))) break;
    await sleep(20);
  }
  return {
    child,
    url,
    log: () => log,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
