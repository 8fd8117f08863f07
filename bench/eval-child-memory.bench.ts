// The API's own memory while an eval run of ≈ 1,000 cases runs in its child process: the API process
// (this one, serving HTTP) should stay flat, the child carries the run. Baseline: the API's RSS just
// before the run starts, in the same process.
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseEnv } from '../src/env.js';
import { createLogger } from '../src/logger.js';
import { startService } from '../src/service.js';
import { printRatio, printTable, printTarget } from './support/report.js';
import { timed } from './support/timer.js';

const ADMIN_KEY = 'bench-admin-key-0001';
const REPEAT = 3; // the shipped default suite (327 cases) three times: 981 cases
const TARGET_CHILD_MB = 500;
const FLAT_MB = 50; // what "flat" allows the API to grow by while the run goes on

const rssMb = () => process.memoryUsage().rss / 2 ** 20;

/** RSS (MB) of each live child of this process, from /proc (Linux). */
function childrenRssMb(): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      out.push((Number(readFileSync(`/proc/${name}/statm`, 'utf8').split(' ')[1]) * 4096) / 2 ** 20);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return out;
}

export default async function run() {
  const env = parseEnv({
    PORT: '0',
    NOF1_DATA_DIR: 'memory',
    NOF1_API_KEYS: `admin:${ADMIN_KEY}`,
    LOG_LEVEL: 'silent',
  });
  const svc = await startService(env, createLogger('silent'));
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${svc.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  try {
    await call('GET', '/healthz');
    const before = rssMb();
    let apiMax = before;
    let childMax = 0;
    const { ms, result } = await timed(async () => {
      const started = await call('POST', '/v1/evals/runs', { suite: 'default', repeat: REPEAT });
      if (started.status !== 202) throw new Error(`eval run not started: ${started.status} ${await started.text()}`);
      const { id } = (await started.json()) as { id: string };
      for (;;) {
        apiMax = Math.max(apiMax, rssMb());
        childMax = Math.max(childMax, ...childrenRssMb());
        const got = (await (await call('GET', `/v1/evals/runs/${id}`)).json()) as {
          status: string;
          progress: { done: number; total: number };
          error: string | null;
        };
        if (got.status !== 'running') return got;
        await sleep(200);
      }
    });
    if (result.status !== 'done') throw new Error(`eval run ${result.status}: ${result.error}`);
    const after = rssMb();
    printTable(`eval run of ${result.progress.total} cases started through the API, run in its child (MB)`, [
      ['process', 'before', 'max during', 'after', 'wall s'],
      ['API (this process)', before, apiMax, after, ms / 1000],
      ['eval child (sampled every 200 ms)', '—', childMax, '—', ''],
    ]);
    printRatio('API RSS max during the run/before it', apiMax / before);
    printTarget('API RSS growth during the run', apiMax - before, FLAT_MB, 'MB');
    printTarget('eval child RSS (sampled max)', childMax, TARGET_CHILD_MB, 'MB');
  } finally {
    await svc.close();
  }
}
