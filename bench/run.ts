// `npm run bench [-- name ...] [--long] [--minutes N]`: runs each bench/*.bench.ts (or those whose name contains an argument)
// in its own Node process, so one benchmark's embedded database never shares memory with the next.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/** Benchmarks that take minutes: run when named (`npm run bench -- mixed-load`) or with --long. */
const LONG = new Set(['mixed-load.bench.ts']);

const dir = fileURLToPath(new URL('.', import.meta.url));
const self = fileURLToPath(import.meta.url);
const child = process.env.NOF1_BENCH_CHILD;

if (child) {
  const mod = (await import(pathToFileURL(`${dir}${child}`).href)) as { default: () => Promise<void> };
  await mod.default();
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} else {
  const { values, positionals: wanted } = parseArgs({
    allowPositionals: true,
    options: { long: { type: 'boolean', default: false }, minutes: { type: 'string' } },
  });
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => (wanted.length === 0 ? values.long || !LONG.has(f) : wanted.some((w) => f.includes(w))))
    .sort();
  if (files.length === 0) {
    console.error(`no benchmark matches ${wanted.join(' ')}`);
    process.exit(2);
  }
  let failed = 0;
  for (const file of files) {
    const load = `load ${loadavg()[0]!.toFixed(2)} on ${availableParallelism()} cores, Node ${process.versions.node}`;
    console.log(`\n=== ${file.replace('.bench.ts', '')} (${new Date().toISOString()}, ${load})`);
    const started = Date.now();
    const r = spawnSync(process.execPath, ['--import', 'tsx', self], {
      stdio: 'inherit',
      // --minutes shortens (or lengthens) the timed benchmarks, e.g. a one-minute smoke run of mixed-load.
      env: {
        ...process.env,
        NOF1_BENCH_CHILD: file,
        ...(values.minutes ? { NOF1_BENCH_MINUTES: values.minutes } : {}),
      },
    });
    if (r.status !== 0) failed++;
    console.log(
      `--- ${file} ${r.status === 0 ? 'done' : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  process.exit(failed ? 1 : 0);
}
