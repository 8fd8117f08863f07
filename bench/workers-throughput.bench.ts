import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from '../src/env.js';
import { createLogger } from '../src/logger.js';
import { loadDemoLibrary, openRuntime } from '../src/runtime.js';
import { mixedRequest } from './support/compose-requests.js';
import { loadGenerated } from './support/compose-store.js';
import { jsonPoster } from './support/http-client.js';
import { printRatio, printTable } from './support/report.js';
import { serve, treeCpuByProcess } from './support/served.js';
import { mean, percentile } from './support/stats.js';

const CLIENTS = 20;
const PER_CLIENT = Number(process.env.NOF1_BENCH_PER_CLIENT ?? 25);
const WARMUP = 60;
const ROUNDS = Number(process.env.NOF1_BENCH_ROUNDS ?? 2);
const WORKERS = availableParallelism();
const KEY = 'bench-client-key-0001';
const TARGET_RATIO = 1.8;
const TARGET_P95_MS = 300;

/** One data folder for every configuration: the demo library and 10,000 generated blocks. */
async function prepareStore(dataDir: string) {
  const runtime = await openRuntime(parseEnv({ NOF1_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  try {
    await loadDemoLibrary(runtime, createLogger('silent'));
    const { total } = await loadGenerated(runtime.content, runtime.store.pool);
    console.log(`store: ${total} blocks in ${dataDir}`);
  } finally {
    await runtime.store.close();
  }
}

/** CPU seconds of one process over the timed load: the bench's own clients, the primary, or a worker. */
type ProcessCpu = { role: string; cpu: number };
type Measured = {
  workers: number;
  rps: number;
  ms: number[];
  /** The server's processes together. */
  cpu: number;
  byProcess: ProcessCpu[];
  load: [number, number];
};

/** Each server process's CPU between two readings; the root is the primary (or the one process). */
function serverCpu(root: number, before: Map<number, number>, after: Map<number, number>): ProcessCpu[] {
  return [...after].map(([pid, s], i) => ({
    role: pid === root ? 'primary' : `worker ${i}`,
    cpu: s - (before.get(pid) ?? 0),
  }));
}

/**
 * 20 clients, each posting its composes one after another over a kept-alive connection: node:http rather
 * than fetch, so the clients take less of the cores the server processes need (the same for both).
 */
async function load(url: string, tag: string, perClient: number) {
  const ms: number[] = [];
  const http = jsonPoster(url, CLIENTS);
  const post = async (i: number) => {
    const t0 = performance.now();
    const res = await http.post('/v1/compose', mixedRequest(i, { tag }), { authorization: `Bearer ${KEY}` });
    if (res.status !== 200) throw new Error(`POST /v1/compose ${res.status}: ${res.text.slice(0, 200)}`);
    ms.push(performance.now() - t0);
  };
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        for (let k = 0; k < perClient; k++) await post(c * perClient + k);
      }),
    );
  } finally {
    http.close();
  }
  return { ms, wallMs: performance.now() - started };
}

async function measure(dataDir: string, workers: number, round: number): Promise<Measured> {
  const served = await serve(
    ['--workers', String(workers)],
    { NOF1_DATA_DIR: dataDir, NOF1_API_KEYS: `client:${KEY}`, NOF1_DEMO: '0', LOG_LEVEL: 'info' },
    { readyLine: workers > 1 ? 'nof1 workers listening' : undefined },
  );
  let measured: Measured;
  try {
    // Every worker compiles its hot paths before the timed part.
    await load(served.url, `w${workers}r${round}warm`, Math.ceil(WARMUP / CLIENTS));
    const load0 = loadavg()[0]!;
    const root = served.child.pid!;
    const cpu0 = await treeCpuByProcess(root);
    const client0 = process.cpuUsage();
    const run = await load(served.url, `w${workers}r${round}`, PER_CLIENT);
    const client = process.cpuUsage(client0);
    const byProcess = serverCpu(root, cpu0, await treeCpuByProcess(root));
    measured = {
      workers,
      rps: run.ms.length / (run.wallMs / 1000),
      ms: run.ms,
      cpu: byProcess.reduce((a, p) => a + p.cpu, 0),
      byProcess: [{ role: 'bench clients', cpu: (client.user + client.system) / 1e6 }, ...byProcess],
      load: [load0, loadavg()[0]!],
    };
  } catch (err) {
    await served.stop();
    throw err;
  }
  const code = await served.stop();
  if (code !== 0) throw new Error(`nof1 serve --workers ${workers} exited ${code} after SIGTERM:\n${served.log()}`);
  return measured;
}

export default async function run() {
  const dataDir = await mkdtemp(join(tmpdir(), 'nof1-bench-workers-'));
  try {
    await prepareStore(dataDir);
    const runs: Measured[] = [];
    // Interleaved, so a change in the machine's load meets both configurations.
    for (let round = 1; round <= ROUNDS; round++) {
      for (const workers of [1, WORKERS]) {
        const m = await measure(dataDir, workers, round);
        runs.push(m);
        console.log(
          `round ${round}, ${workers === 1 ? '1 process' : `${workers} workers`}: ${m.rps.toFixed(1)} req/s, p95 ${percentile(m.ms, 95).toFixed(0)} ms`,
        );
      }
    }
    const row = (m: Measured, i: number) => [
      `${m.workers === 1 ? 'baseline: 1 process' : `--workers ${m.workers}`} (round ${Math.floor(i / 2) + 1})`,
      m.ms.length,
      m.rps,
      percentile(m.ms, 50),
      percentile(m.ms, 95),
      percentile(m.ms, 99),
      m.cpu,
      (m.cpu * 1000) / m.ms.length,
      `${m.load[0].toFixed(1)}–${m.load[1].toFixed(1)}`,
    ];
    printTable(
      `compose over HTTP, ${CLIENTS} concurrent clients, embedded store (demo + 10,000 blocks), nof1 serve as its own process`,
      [
        ['server', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'server cpu s', 'cpu ms/req', 'load'],
        ...runs.map(row),
      ],
    );
    printTable('CPU ms per request by process (the bench clients are this process)', [
      ['server', 'round', 'process', 'cpu s', 'cpu ms/req'],
      ...runs.flatMap((m, i) =>
        m.byProcess.map((p) => [
          m.workers === 1 ? '1 process' : `--workers ${m.workers}`,
          String(Math.floor(i / 2) + 1),
          p.role,
          p.cpu,
          (p.cpu * 1000) / m.ms.length,
        ]),
      ),
    ]);
    const of = (w: number) => runs.filter((m) => m.workers === w);
    const rps = (w: number) => mean(of(w).map((m) => m.rps));
    const ratio = rps(WORKERS) / rps(1);
    const p95 = Math.max(...of(WORKERS).map((m) => percentile(m.ms, 95)));
    printRatio(`http req/s ${CLIENTS} clients --workers ${WORKERS}/1 process`, ratio);
    console.log(
      `TARGET throughput ratio: ${ratio.toFixed(2)} (target >= ${TARGET_RATIO}) -> ${ratio >= TARGET_RATIO ? 'met' : 'MISSED'}`,
    );
    console.log(
      `TARGET p95 with ${WORKERS} workers (worst round): ${p95.toFixed(0)} ms (target <= ${TARGET_P95_MS} ms) -> ${p95 <= TARGET_P95_MS ? 'met' : 'MISSED'}`,
    );
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
