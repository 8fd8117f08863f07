import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { createComposeStack } from '../src/compose/compose-stack.js';
import { cacheContentReads } from '../src/content/content-read-cache.js';
import { mixedRequest } from './support/compose-requests.js';
import { openLoadedRuntime, STORE_BLOCKS } from './support/compose-store.js';
import { printTable } from './support/report.js';
import { mean, percentile } from './support/stats.js';
import { timed } from './support/timer.js';

const WARMUP = 60;
const COMPOSES = Number(process.env.NOF1_BENCH_COMPOSES ?? 600);
/** A path: profile the timed composes only (not the store's load), as a .cpuprofile for DevTools. */
const PROFILE = process.env.NOF1_BENCH_PROFILE;

/**
 * CPU per offline compose in process, wired as the service wires it (graph + redaction + saveRun, PGlite
 * included since it runs here),
 * the figure issue 15's throughput target rests on: at 20 clients on 2 cores it needs ≈ 20–25 ms.
 * The answers digest lets two code versions be compared for identical behaviour.
 */
export default async function run() {
  const { runtime } = await openLoadedRuntime();
  try {
    // Wired as the service wires it (src/service.ts): the composer reads through the content cache and the
    // subjects' own limits read their engagement.
    const stack = await createComposeStack({
      pool: runtime.store.pool,
      ...runtime,
      composerContent: cacheContentReads(runtime.content),
      engagement: runtime.outcomes,
    });
    for (let i = 0; i < WARMUP; i++) await stack.runner.compose(mixedRequest(i, { tag: 'warm' }));
    const session = PROFILE ? new Session() : undefined;
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    const cpu: number[] = [];
    const ms: number[] = [];
    const digest = createHash('sha256');
    const load = loadavg()[0]!;
    const all = await timed(async () => {
      for (let i = 0; i < COMPOSES; i++) {
        const t = await timed(() => stack.runner.compose(mixedRequest(i)));
        cpu.push(t.cpuMs);
        ms.push(t.ms);
        const a = t.result;
        digest.update(`${a.status}|${a.diagnosis?.barrier}|${a.message?.blocks.map((b) => b.id)}\n`);
      }
    });
    if (session && PROFILE) {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(PROFILE, JSON.stringify(profile));
      session.disconnect();
    }
    printTable(`offline compose CPU, ${COMPOSES} composes at ${STORE_BLOCKS} blocks + demo (load ${load.toFixed(2)})`, [
      ['figure', 'p50', 'p95', 'mean'],
      ['CPU ms per compose', percentile(cpu, 50), percentile(cpu, 95), mean(cpu)],
      ['wall ms per compose', percentile(ms, 50), percentile(ms, 95), mean(ms)],
    ]);
    console.log(`CPU ms per compose over the whole loop: ${(all.cpuMs / COMPOSES).toFixed(2)}`);
    console.log(`answers digest: ${digest.digest('hex').slice(0, 16)}`);
  } finally {
    await runtime.store.close();
  }
}
