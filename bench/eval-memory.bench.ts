// Peak memory of a 1,000-case eval run in the process that runs it. Three processes run at once (each
// peak is its own): the same in-process run through tsx with the store as shipped before (server
// defaults, no checkpoints, default V8 heap: the baseline) and with the eval tuning (small buffers and
// WAL, a checkpoint every 100 cases, 4 MB semi-spaces); and the real eval child the API and the CLI
// fork, from the compiled dist/ when it matches the sources (as `npm start` and `nof1` run it).
import { fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as ChildRun from '../evals/runner/child-run.js';
import { loadSuite } from '../evals/suite-loader.js';
import { isFresh } from '../src/bin/dist-manifest.js';
import { parseEnv } from '../src/env.js';
import type { MemorySample } from './support/memory-sample.js';
import { printRatio, printTable, printTarget } from './support/report.js';
import { resultDigest } from './support/result-digest.js';
import { scaled } from './support/scaled-suite.js';

const CASES = 1_000;
const TARGET_MB = 500;
const SUITE = fileURLToPath(new URL('../evals/suites/default.yaml', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DRIVER = fileURLToPath(new URL('./support/eval-memory-driver.ts', import.meta.url));

type DriverAnswer = { samples: MemorySample[]; digest: string; passed: number; cases: number; peakMb: number };

function driver(variant: 'shipped' | 'tuned', heapFlags: string[]): { pid: number; done: Promise<DriverAnswer> } {
  const child = fork(DRIVER, [variant, SUITE, String(CASES)], { execArgv: ['--import', 'tsx', ...heapFlags] });
  const done = new Promise<DriverAnswer>((resolve, reject) => {
    child.once('message', (m) => resolve(m as DriverAnswer));
    child.once('exit', (code) => reject(new Error(`${variant} driver exited ${code} without an answer`)));
  });
  return { pid: child.pid!, done };
}

/** Children of this process other than `known`, with their peak RSS (VmHWM, MB) read from /proc. */
function otherChildrenPeakMb(known: Set<number>): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || known.has(Number(name))) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== process.pid) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${name}/status`, 'utf8'));
      if (hwm) out.push(Number(hwm[1]) / 1024);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return out;
}

export default async function run() {
  const compiled = isFresh(ROOT, `${ROOT}dist`);
  const childRun = (await import(
    compiled ? `${ROOT}dist/evals/runner/child-run.js` : '../evals/runner/child-run.js'
  )) as typeof ChildRun;
  const suite = scaled(await loadSuite(SUITE), CASES);
  const env = parseEnv({ NOF1_DATA_DIR: 'memory', LOG_LEVEL: 'silent' });

  const shipped = driver('shipped', []);
  const tuned = driver('tuned', ['--max-semi-space-size=4']);
  const known = new Set([shipped.pid, tuned.pid]);
  let childPeak = 0;
  const sampler = setInterval(() => {
    childPeak = Math.max(childPeak, ...otherChildrenPeakMb(known));
  }, 200);
  const real = childRun
    .runSuiteInChild(suite, { concurrency: 2 }, { memoryMb: env.NOF1_EVAL_MEMORY_MB, env: childRun.envStrings(env) })
    .finally(() => clearInterval(sampler));
  const [a, b, r] = await Promise.all([shipped.done, tuned.done, real]);
  const realDigest = resultDigest(r);

  const at = (s: DriverAnswer, done: number) => s.samples.find((x) => x.done === done);
  const mbAt = (s: DriverAnswer, done: number) => at(s, done)?.rss ?? Number.NaN;
  printTable(`eval run of ${CASES} cases (default suite scaled), RSS in MB at 0/100/500/1,000 cases done`, [
    ['process', 'modules', '100', '500', '1,000', 'peak', 'heap total end', 'external end', 'passed', 'digest'],
    ...[
      ['in-process through tsx, store as shipped (baseline)', a],
      ['in-process through tsx, eval tuning', b],
    ].map(([label, s]) => {
      const x = s as DriverAnswer;
      const end = at(x, CASES);
      return [
        label as string,
        mbAt(x, 0),
        mbAt(x, 100),
        mbAt(x, 500),
        mbAt(x, CASES),
        x.peakMb,
        end?.heapTotal ?? NaN,
        end?.external ?? NaN,
        x.passed,
        x.digest,
      ];
    }),
    [
      `eval child as the API and CLI fork it (${compiled ? 'compiled dist/' : 'tsx'})`,
      '',
      '',
      '',
      '',
      childPeak,
      '',
      '',
      realDigest.passed,
      realDigest.digest,
    ],
  ]);
  if (a.digest !== b.digest || a.digest !== realDigest.digest) console.log('RESULTS DIFFER between the runs');
  printRatio('eval peak RSS tuned/shipped (in process, tsx)', b.peakMb / a.peakMb);
  printTarget(`eval child peak RSS, ${CASES} cases`, childPeak, TARGET_MB, 'MB');
}
