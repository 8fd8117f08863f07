// One in-process eval run of the scaled default suite in its own process (forked by eval-memory.bench.ts),
// so its peak RSS is the run's alone. argv[2]: `shipped` (server-default store settings, no checkpoints)
// or `tuned` (the eval store tuning). Answers its memory samples and a digest of its results over IPC.
import { EVAL_STORE_TUNING } from '../../evals/runner/eval-store-settings.js';
import { createInProcessTarget } from '../../evals/runner/in-process-target.js';
import { runSuite } from '../../evals/runner/run-suite.js';
import { loadSuite } from '../../evals/suite-loader.js';
import { parseEnv } from '../../src/env.js';
import { type MemorySample, memorySample } from './memory-sample.js';
import { resultDigest } from './result-digest.js';
import { scaled } from './scaled-suite.js';

const [variant, suiteFile, cases] = process.argv.slice(2) as [string, string, string];
const samples: MemorySample[] = [memorySample(0)];
const suite = scaled(await loadSuite(suiteFile), Number(cases));
const env = parseEnv({ NOF1_DATA_DIR: 'memory', LOG_LEVEL: 'silent' });
const tuning = variant === 'shipped' ? {} : EVAL_STORE_TUNING;
const result = await runSuite(
  suite,
  { concurrency: 2, onProgress: (p) => p.done % 100 === 0 && samples.push(memorySample(p.done)) },
  { env, createTarget: (s) => createInProcessTarget(s, env, tuning) },
);
process.send!({ samples, ...resultDigest(result), peakMb: process.resourceUsage().maxRSS / 1024 }, () =>
  process.disconnect(),
);
