import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryEvalStore } from '../evals/memory-eval-store.js';
import { writeReports } from '../evals/report/write-reports.js';
import { createInProcessTarget } from '../evals/runner/in-process-target.js';
import { startEvalRun } from '../evals/runner/record-run.js';
import type { RunOptions } from '../evals/runner/run-types.js';
import { loadSuite } from '../evals/suite-loader.js';
import type { LoadedSuite } from '../evals/suite-schema.js';
import { parseEnv } from '../src/env.js';
import { createLogger } from '../src/logger.js';
import { startService } from '../src/service.js';
import { printRatio, printTable, printTarget } from './support/report.js';
import { scaled } from './support/scaled-suite.js';
import { wanted } from './support/sections.js';
import { timed } from './support/timer.js';

const CASES = 1_000;
const HTTP_SUBSET = 200; // every 5th case, timed over HTTP and scaled per case to the full suite
const CONCURRENCY = 2; // the CLI's default
const TARGET_S = 60;
const TARGET_MB = 1024;
const ADMIN_KEY = 'bench-admin-key-0001';
const SUITE = new URL('../evals/suites/default.yaml', import.meta.url).pathname;

const rssMb = () => process.memoryUsage().rss / 1024 / 1024;
const peakMb = () => process.resourceUsage().maxRSS / 1024;

/** Runs the suite through the runner as `nof1 eval run --no-store` does (memory store), sampling RSS meanwhile. */
async function runThroughRunner(suite: LoadedSuite, opts: RunOptions) {
  const env = parseEnv({ NOF1_DATA_DIR: 'memory', LOG_LEVEL: 'silent' });
  let maxRss = rssMb();
  const sampler = setInterval(() => {
    maxRss = Math.max(maxRss, rssMb());
  }, 100);
  try {
    const t = await timed(async () => {
      const started = await startEvalRun({ store: createMemoryEvalStore(), env }, suite, opts);
      return started.done;
    });
    const run = t.result;
    if (run.status !== 'done') throw new Error(`eval run ${run.status}: ${run.error}`);
    return { ...t, run, maxRss: Math.max(maxRss, rssMb()) };
  } finally {
    clearInterval(sampler);
  }
}

type Measured = Awaited<ReturnType<typeof runThroughRunner>>;
const row = (label: string, cases: number, m: Measured, scaleTo = cases) => {
  const s = m.run.summary!;
  return [
    label,
    cases,
    m.ms / 1000,
    ((m.ms / cases) * scaleTo) / 1000,
    m.ms / cases,
    s.latency.p50,
    s.latency.p95,
    s.passRate,
    s.barrier.accuracy,
    m.cpuMs / 1000,
  ];
};

export default async function run() {
  const base = await loadSuite(SUITE);
  const suite = scaled(base, CASES);
  console.log(`suite: ${base.name} (${base.cases.length} cases) repeated to ${suite.cases.length} cases`);

  // In-process first, so the process's peak RSS up to here is this run's alone.
  const inProcess = await runThroughRunner(suite, { concurrency: CONCURRENCY });
  const peakInProcess = peakMb();
  const dir = await mkdtemp(join(tmpdir(), 'nof1-bench-eval-'));
  const reports = await timed(() =>
    writeReports(inProcess.run, [join(dir, 'r.json'), join(dir, 'r.xml'), join(dir, 'r.html')]),
  );
  await rm(dir, { recursive: true, force: true });

  // What every in-process run pays before its first case: a fresh store and the suite's library imported.
  const setup = await timed(async () =>
    (await createInProcessTarget(suite, parseEnv({ NOF1_DATA_DIR: 'memory', LOG_LEVEL: 'silent' }))).close(),
  );
  // The same 1,000 cases again in this now warm process (code compiled, modules loaded): the cold run's start-up share.
  const warm = wanted('warm') ? await runThroughRunner(suite, { concurrency: CONCURRENCY }) : undefined;

  // Comparisons on a spread subset (every 5th case), all in the warm process, sequential HTTP first.
  const stride = Math.floor(CASES / HTTP_SUBSET);
  const subset = { ...suite, cases: suite.cases.filter((_, i) => i % stride === 0).slice(0, HTTP_SUBSET) };
  let overHttp: Measured | undefined;
  let subsetSeq: Measured | undefined;
  let subsetConc: Measured | undefined;
  if (wanted('http')) {
    const env = parseEnv({
      PORT: '0',
      NOF1_DATA_DIR: 'memory',
      NOF1_API_KEYS: `admin:${ADMIN_KEY}`,
      LOG_LEVEL: 'silent',
    });
    const svc = await startService(env, createLogger('silent'));
    try {
      // Sequential HTTP calls: one case at a time, POST /v1/compose then GET /v1/traces/{id}.
      overHttp = await runThroughRunner(subset, { concurrency: 1, against: { url: svc.url, key: ADMIN_KEY } });
    } finally {
      await svc.close();
    }
    subsetSeq = await runThroughRunner(subset, { concurrency: 1 });
    subsetConc = await runThroughRunner(subset, { concurrency: CONCURRENCY });
  }

  const rows = [
    ['run', 'cases', 'wall s', `s per ${CASES}`, 'ms/case', 'case p50', 'case p95', 'pass', 'barrier acc', 'cpu s'],
    row(`in-process, concurrency ${CONCURRENCY}, cold process (as nof1 eval run)`, CASES, inProcess),
  ];
  if (warm) rows.push(row(`same, warm process`, CASES, warm));
  const sub = `every ${stride}th case, ${HTTP_SUBSET}, scaled`;
  if (overHttp && subsetSeq && subsetConc) {
    rows.push(row(`baseline: sequential HTTP calls (${sub})`, HTTP_SUBSET, overHttp, CASES));
    rows.push(row(`in-process, concurrency 1 (${sub})`, HTTP_SUBSET, subsetSeq, CASES));
    rows.push(row(`in-process, concurrency ${CONCURRENCY} (${sub})`, HTTP_SUBSET, subsetConc, CASES));
  }
  printTable(`eval suite offline: ${CASES} cases through the eval runner (fresh in-memory store, demo library)`, rows);
  console.log(
    `memory during the cold in-process run: RSS sampled max ${inProcess.maxRss.toFixed(0)} MB, process peak ${peakInProcess.toFixed(0)} MB; ` +
      `reports (JSON, JUnit, HTML) written in ${(reports.ms / 1000).toFixed(2)} s; ` +
      `in-process setup (fresh store + library import, then close) ${(setup.ms / 1000).toFixed(1)} s, included in each in-process wall`,
  );
  if (overHttp && subsetSeq) {
    const httpScaled = (overHttp.ms / HTTP_SUBSET) * CASES;
    console.log(
      `HTTP: ${HTTP_SUBSET} cases (every ${stride}th) timed and scaled per case to ${CASES}; the service was started ` +
        'beforehand (not timed), while in-process walls include opening their fresh store and importing the library',
    );
    printRatio(`eval wall in-process (cold, ${CASES})/sequential HTTP (scaled)`, inProcess.ms / httpScaled);
    printRatio(
      'eval per case in-process/sequential HTTP (same subset, both sequential, store setup excluded)',
      (subsetSeq.ms - setup.ms) / overHttp.ms,
    );
  }
  printTarget(`eval ${CASES} cases wall`, inProcess.ms / 1000, TARGET_S, 's');
  printTarget(`eval ${CASES} cases peak RSS`, peakInProcess, TARGET_MB, 'MB');
}
