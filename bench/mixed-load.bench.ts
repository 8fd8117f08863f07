// 20 clients of mixed load against the real service for a set time (default 10 minutes; shorten with
// `npm run bench -- mixed-load --minutes 1` or NOF1_BENCH_MINUTES). Reports unexpected statuses (any 5xx,
// any status the contract does not allow for the call), the frequency cap as the store holds it at the
// end, p50/p95 latency per operation and RSS over time. Baseline: the same mix from one client, measured
// first in this process; the ratio is throughput with 20 clients over throughput with one.
import { loadavg } from 'node:os';
import { parseEnv } from '../src/env.js';
import { createLogger } from '../src/logger.js';
import { startService } from '../src/service.js';
import { drawOperation, type LoadContext, OPERATIONS } from './support/mixed-ops.js';
import { printRatio, printTable, printTarget } from './support/report.js';
import { percentile } from './support/stats.js';

const CLIENTS = 20;
const minutes = Number(process.env.NOF1_BENCH_MINUTES ?? 10);
const LOAD_MS = minutes * 60_000;
const BASELINE_MS = Math.max(20_000, LOAD_MS / 10);
const SAMPLES = 10; // RSS samples over the load phase
const CAP = 3; // the programme's default frequency cap (7-day window; the whole run is inside it)

type Tally = {
  latencies: Map<string, number[]>;
  done: number;
  unexpected: Array<{ op: string; status: number; detail?: string }>;
};

const keyOf = (i: number) => `bench-load-key-${String(i).padStart(2, '0')}-secret`;
// Each client has its own named key with the roles of its calls, so the per-key limit applies per client.
const KEY_SPEC = Array.from({ length: CLIENTS }, (_, i) =>
  ['client', 'reviewer', 'strategist'].map((r, j) => `${r}:${j === 0 ? `load-${i}=` : ''}${keyOf(i)}`).join(','),
).join(',');

async function drive(ctx: LoadContext, clients: number, ms: number, onTick?: (t: Tally) => void) {
  const tally: Tally = { latencies: new Map(OPERATIONS.map((o) => [o.name, []])), done: 0, unexpected: [] };
  const until = Date.now() + ms;
  const ticker = onTick && setInterval(() => onTick(tally), ms / SAMPLES);
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (Date.now() < until) {
        const op = drawOperation();
        const t0 = performance.now();
        let result: { status: number; expected: boolean; detail?: string };
        try {
          result = await op.run(ctx, keyOf(c));
        } catch (err) {
          result = { status: -1, expected: false, detail: (err as Error).message };
        }
        if (result.status === 0) {
          await new Promise((resolve) => setImmediate(resolve)); // nothing to read back yet: let the service run
          continue;
        }
        tally.latencies.get(op.name)!.push(performance.now() - t0);
        tally.done++;
        if (!result.expected || result.status >= 500) tally.unexpected.push({ op: op.name, ...result });
      }
    }),
  );
  if (ticker) clearInterval(ticker);
  return tally;
}

const all = (t: Tally) => [...t.latencies.values()].flat();

export default async function mixedLoad() {
  const env = parseEnv({ PORT: '0', NOF1_DATA_DIR: 'memory', NOF1_API_KEYS: KEY_SPEC, LOG_LEVEL: 'silent' });
  const svc = await startService(env, createLogger('silent'));
  let n = 0;
  const context = (tag: string): LoadContext => ({ url: svc.url, tag, composed: [], next: () => n++ });
  try {
    await drive(context('warm'), 4, 5_000);
    const base = await drive(context('base'), 1, BASELINE_MS);
    const started = Date.now();
    const rss: string[][] = [];
    const clock = () => {
      const sec = Math.round((Date.now() - started) / 1000);
      return `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}`;
    };
    // The machine's 1-minute load average beside each sample: other work on the shared cores shows there.
    const sample = (t: Tally) =>
      rss.push([
        clock(),
        String(t.done),
        String(t.unexpected.length),
        (process.memoryUsage().rss / 2 ** 20).toFixed(0),
        (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0),
        loadavg()[0]!.toFixed(1),
      ]);
    sample({ latencies: new Map(), done: 0, unexpected: [] });
    const load = await drive(context('load'), CLIENTS, LOAD_MS, sample);
    sample(load);

    const over = await svc.pool.query<{ subject_id: string; n: number }>(
      `SELECT subject_id, count(*)::int AS n FROM runs WHERE sent_at IS NOT NULL AND program = 'lumenzo-adherence'
       GROUP BY subject_id HAVING count(*) > $1 ORDER BY n DESC`,
      [CAP],
    );
    const { rows: counts } = await svc.pool.query<{ sent: number; held: number; runs: number; subjects: number }>(
      `SELECT count(*) FILTER (WHERE sent_at IS NOT NULL)::int AS sent, count(*) FILTER (WHERE status = 'needs_review')::int AS held,
              count(*)::int AS runs, count(DISTINCT subject_id)::int AS subjects FROM runs`,
    );

    const rps = (t: Tally, ms: number) => t.done / (ms / 1000);
    printTable(`mixed load: ${CLIENTS} clients × ${minutes} min (baseline: 1 client × ${BASELINE_MS / 1000} s)`, [
      ['operation', 'count', 'p50 ms', 'p95 ms', 'base p50', 'base p95'],
      ...OPERATIONS.map((o) => {
        const l = load.latencies.get(o.name)!;
        const b = base.latencies.get(o.name)!;
        return [o.name, String(l.length), percentile(l, 50), percentile(l, 95), percentile(b, 50), percentile(b, 95)];
      }),
      [
        'all',
        load.done,
        percentile(all(load), 50),
        percentile(all(load), 95),
        percentile(all(base), 50),
        percentile(all(base), 95),
      ],
    ]);
    printTable('RSS over time (service and clients in one process)', [
      ['at (m:ss)', 'requests', 'unexpected', 'RSS MB', 'heap MB', 'load 1m'],
      ...rss,
    ]);
    printTable('store at the end', [
      ['runs', 'subjects', 'sent', 'held now', `subjects over the cap (${CAP})`],
      [counts[0]!.runs, counts[0]!.subjects, counts[0]!.sent, counts[0]!.held, over.rows.length].map(String),
    ]);
    if (over.rows.length)
      console.log(
        `over the cap: ${over.rows
          .slice(0, 10)
          .map((r) => `${r.subject_id}=${r.n}`)
          .join(', ')}`,
      );
    for (const u of load.unexpected.slice(0, 10)) console.log(`unexpected: ${u.op} → ${u.status} ${u.detail ?? ''}`);
    console.log(
      `requests/s: ${rps(load, LOAD_MS).toFixed(1)} with ${CLIENTS} clients, ${rps(base, BASELINE_MS).toFixed(1)} with one`,
    );
    printRatio(`req/s ${CLIENTS} clients/1 client`, rps(load, LOAD_MS) / rps(base, BASELINE_MS));
    printRatio('p95 ms 20 clients/1 client', percentile(all(load), 95) / percentile(all(base), 95));
    printTarget('unexpected statuses', load.unexpected.length, 1, 'answers');
    printTarget('subjects over the frequency cap', over.rows.length, 1, 'subjects');
    if (load.unexpected.length || over.rows.length) process.exitCode = 1;
  } finally {
    await svc.close();
  }
}
