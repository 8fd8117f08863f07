import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { printRatio, printTable, printTarget } from './support/report.js';
import { median } from './support/stats.js';
import { seconds, timed } from './support/timer.js';

const RUNS = 3;
const TARGET_S = 5;
const GIVE_UP_MS = 60_000;
const BIN = new URL('../src/bin/nof1.js', import.meta.url).pathname;

async function freePort(): Promise<number> {
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

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

/** Spawns `nof1 serve` on `dataDir`, returns the ms until /healthz answers 200, then stops it with SIGTERM. */
async function startToHealthy(dataDir: string): Promise<{ ms: number; cpu: number; demoLoaded: boolean }> {
  const port = await freePort();
  let log = '';
  const { ms, result: child } = await timed(async () => {
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: { ...process.env, PORT: String(port), NOF1_DATA_DIR: dataDir, NOF1_API_KEYS: 'admin:bench-admin-key-0001' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (d: Buffer) => {
      log += d;
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const deadline = Date.now() + GIVE_UP_MS;
    while (Date.now() < deadline && child.exitCode === null) {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return child;
      await sleep(20);
    }
    child.kill('SIGKILL');
    throw new Error(`nof1 serve did not become healthy:\n${log}`);
  });
  const cpu = await cpuSeconds(child.pid);
  child.kill('SIGTERM');
  const code = await exited(child);
  if (code !== 0) throw new Error(`nof1 serve exited with ${code} after SIGTERM:\n${log}`);
  return { ms, cpu, demoLoaded: log.includes('demo content library loaded') };
}

type Start = Awaited<ReturnType<typeof startToHealthy>>;

export default async function run() {
  const dirs: string[] = [];
  try {
    const cold: Start[] = [];
    for (let i = 0; i < RUNS; i++) {
      dirs.push(await mkdtemp(join(tmpdir(), 'nof1-bench-')));
      cold.push(await startToHealthy(dirs[i]!));
    }
    // Warm: the folder the first cold run initialised (schema migrated, demo library present).
    const warm: Start[] = [];
    for (let i = 0; i < RUNS; i++) warm.push(await startToHealthy(dirs[0]!));

    const row = (label: string, runs: Start[]) => [
      label,
      seconds(median(runs.map((r) => r.ms))),
      median(runs.map((r) => r.cpu)),
      runs.map((r) => seconds(r.ms).toFixed(2)).join(' / '),
    ];
    printTable(`cold start: \`nof1 serve\` to a healthy /healthz, ${RUNS} runs each (s)`, [
      ['run', 'median', 'cpu s', 'runs'],
      row('empty data folder (migrate + demo library)', cold),
      row('baseline: already-initialised folder', warm),
    ]);
    console.log(`demo library loaded on every cold start: ${cold.every((r) => r.demoLoaded) ? 'yes' : 'NO'}`);
    const coldMs = median(cold.map((r) => r.ms));
    printRatio('start median cold/warm', coldMs / median(warm.map((r) => r.ms)));
    printTarget('cold start median', seconds(coldMs), TARGET_S, 's');
  } finally {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }
}
