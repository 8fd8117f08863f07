// `npm run bench [-- name ...]`: runs each bench/*.bench.ts (or those whose name contains an argument)
// in its own Node process, so one benchmark's embedded database never shares memory with the next.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const self = fileURLToPath(import.meta.url);
const child = process.env.NOF1_BENCH_CHILD;

if (child) {
  const mod = (await import(pathToFileURL(`${dir}${child}`).href)) as { default: () => Promise<void> };
  await mod.default();
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} else {
  const wanted = process.argv.slice(2);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
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
      env: { ...process.env, NOF1_BENCH_CHILD: file },
    });
    if (r.status !== 0) failed++;
    console.log(
      `--- ${file} ${r.status === 0 ? 'done' : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  process.exit(failed ? 1 : 0);
}
