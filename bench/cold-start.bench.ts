import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseEnv } from '../src/env.js';
import { createEmbedder, preparedKey } from '../src/runtime.js';
import { preparedFile } from '../src/store/pglite-template.js';
import { printRatio, printTable, printTarget } from './support/report.js';
import { freePort, treeCpuByProcess } from './support/served.js';
import { median } from './support/stats.js';
import { seconds, timed } from './support/timer.js';

const RUNS = 3;
const TARGET_S = 3;
const GIVE_UP_MS = 60_000;
const BIN = new URL('../src/bin/nof1.js', import.meta.url).pathname;
/** The same sources compiled file by file (what start-up ran before the bundles): the baseline for them. */
const PER_FILE = new URL('../dist/src/cli.js', import.meta.url).pathname;
const BUILD = new URL('../src/bin/build-dist.js', import.meta.url).pathname;
const ENV = { ...process.env, NOF1_API_KEYS: 'admin:bench-admin-key-0001' };
/**
 * Another checkout to compare with in the same minutes (`NOF1_BENCH_BASELINE_TREE=/path/to/worktree`, its
 * node_modules installed): its cold starts are taken in turn with this tree's, so a shared machine's load falls
 * on both alike.
 */
const BASELINE_TREE = process.env.NOF1_BENCH_BASELINE_TREE;

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

/**
 * Spawns `nof1 serve` on `dataDir` (through `entry`: `npm start`'s, by default), returns the ms until /healthz
 * answers 200 and the CPU seconds used by then (the primary; the primary and its workers), then stops it.
 */
async function startToHealthy(
  dataDir: string,
  entry = BIN,
): Promise<{ ms: number; cpu: number; cpuAll: number; demoLoaded: boolean }> {
  const port = await freePort();
  let log = '';
  const { ms, result: child } = await timed(async () => {
    const child = spawn(process.execPath, [entry, 'serve'], {
      env: { ...ENV, PORT: String(port), NOF1_DATA_DIR: dataDir },
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
  const byProcess = await treeCpuByProcess(child.pid!);
  const cpu = byProcess.get(child.pid!) ?? Number.NaN;
  const cpuAll = [...byProcess.values()].reduce((sum, s) => sum + s, 0);
  child.kill('SIGTERM');
  const code = await exited(child);
  if (code !== 0) throw new Error(`nof1 serve exited with ${code} after SIGTERM:\n${log}`);
  return { ms, cpu, cpuAll, demoLoaded: log.includes('demo content library loaded') };
}

type Start = Awaited<ReturnType<typeof startToHealthy>>;

export default async function run() {
  // What `npm start` runs: its prestart step compiles dist/ when it does not match the sources.
  for (const build of [BUILD, ...(BASELINE_TREE ? [join(BASELINE_TREE, 'src/bin/build-dist.js')] : [])]) {
    const built = spawnSync(process.execPath, [build, '--if-stale'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error(`the dist/ build failed: ${build}`);
  }
  const baselineBin = BASELINE_TREE && join(BASELINE_TREE, 'src/bin/nof1.js');
  const dirs: string[] = [];
  const emptyFolder = async () => {
    dirs.push(await mkdtemp(join(tmpdir(), 'nof1-bench-')));
    return dirs.at(-1) as string;
  };
  try {
    // The first start for this schema and demo library: nothing prepared yet, so it migrates and loads
    // the library, then keeps the result as the prepared snapshot later new folders start from.
    const env = parseEnv({ ...ENV, NOF1_DATA_DIR: 'unused' });
    await rm(preparedFile(preparedKey(env, createEmbedder(env))), { force: true });
    const first = [await startToHealthy(await emptyFolder())];
    // Bundles (what `npm start` runs) and the per-file compiled JavaScript, taken in turn so that a change
    // in the machine's load falls on both alike.
    const cold: Start[] = [];
    const perFile: Start[] = [];
    const other: Start[] = [];
    // The other tree's first start makes its own prepared snapshot (its cache is its own node_modules').
    if (baselineBin) await startToHealthy(await emptyFolder(), baselineBin);
    for (let i = 0; i < RUNS; i++) {
      cold.push(await startToHealthy(await emptyFolder()));
      perFile.push(await startToHealthy(await emptyFolder(), PER_FILE));
      if (baselineBin) other.push(await startToHealthy(await emptyFolder(), baselineBin));
    }
    // Warm: the folder the first run initialised (schema migrated, demo library present).
    const warm: Start[] = [];
    for (let i = 0; i < RUNS; i++) warm.push(await startToHealthy(dirs[0] as string));

    const row = (label: string, runs: Start[]) => [
      label,
      seconds(median(runs.map((r) => r.ms))),
      median(runs.map((r) => r.cpu)),
      median(runs.map((r) => r.cpuAll)),
      runs.map((r) => seconds(r.ms).toFixed(2)).join(' / '),
    ];
    printTable(`cold start: \`nof1 serve\` (bundled, as npm start runs it) to a healthy /healthz (s)`, [
      ['run', 'median', 'cpu s (primary)', 'cpu s (all)', 'runs'],
      row('first start ever: empty folder, nothing prepared (migrate + demo library)', first),
      row(`empty data folder from the prepared snapshot, ${RUNS} runs`, cold),
      row(`baseline: the same, per-file compiled dist/src/cli.js, ${RUNS} runs`, perFile),
      row(`baseline: already-initialised folder, ${RUNS} runs`, warm),
      ...(baselineBin ? [row(`baseline: empty folder, ${BASELINE_TREE}, ${RUNS} runs taken in turn`, other)] : []),
    ]);
    console.log(`demo library loaded by the first start: ${first[0]?.demoLoaded ? 'yes' : 'NO'}`);
    console.log(`demo library loaded by the later cold starts: ${cold.some((r) => r.demoLoaded) ? 'YES' : 'no'}`);
    const coldMs = median(cold.map((r) => r.ms));
    printRatio('start median cold/warm', coldMs / median(warm.map((r) => r.ms)));
    printRatio('start median cold bundled/per-file', coldMs / median(perFile.map((r) => r.ms)));
    printRatio(
      'cpu (all processes) median cold bundled/per-file',
      median(cold.map((r) => r.cpuAll)) / median(perFile.map((r) => r.cpuAll)),
    );
    printRatio('start first-ever/cold', (first[0]?.ms ?? Number.NaN) / coldMs);
    if (baselineBin) {
      printRatio('start median cold this tree/baseline tree', coldMs / median(other.map((r) => r.ms)));
      printRatio(
        'cpu (all processes) median cold this tree/baseline tree',
        median(cold.map((r) => r.cpuAll)) / median(other.map((r) => r.cpuAll)),
      );
    }
    printTarget('cold start median', seconds(coldMs), TARGET_S, 's');
  } finally {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }
}
