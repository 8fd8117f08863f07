import type { Command } from 'commander';
import { loadModelGrader } from '../../evals/assertions/load-grader.js';
import type { EvalRun } from '../../evals/eval-store.js';
import { createProgressBar } from '../../evals/report/progress-bar.js';
import { terminalSummary } from '../../evals/report/terminal-summary.js';
import { REPORT_EXTENSIONS, rendererFor, writeReports } from '../../evals/report/write-reports.js';
import { envStrings, runSuiteInChild } from '../../evals/runner/child-run.js';
import { startEvalRun } from '../../evals/runner/record-run.js';
import type { RunOptions } from '../../evals/runner/run-types.js';
import { checkFilterTags, UnknownTags } from '../../evals/runner/suite-tags.js';
import { thresholdLabel } from '../../evals/runner/thresholds.js';
import { loadSuite, SuiteError } from '../../evals/suite-loader.js';
import { EnvError, loadEnv } from '../env.js';
import { runningService } from '../store/service-file.js';
import { CliError, EXIT } from './cli-error.js';
import { compiledEvalChild } from './compiled-eval-child.js';
import { withEvalStore } from './eval-store-access.js';

type RunOpts = {
  filter: string[];
  repeat: string;
  concurrency: string;
  against?: string;
  key?: string;
  output: string[];
  store: boolean;
};

const collect = (value: string, previous: string[]) => [...previous, value];

function wholeNumber(value: string, flag: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new CliError(`${flag} must be a whole number 1..${max}`, EXIT.usage);
  return n;
}

function checkUsage(opts: RunOpts, envKey: string | undefined) {
  for (const file of opts.output) {
    if (!rendererFor(file))
      throw new CliError(`--output ${file}: use one of ${REPORT_EXTENSIONS.join(', ')}`, EXIT.usage);
  }
  if (opts.against && !/^https?:\/\//.test(opts.against))
    throw new CliError('--against must be an http(s) URL', EXIT.usage);
  const key = opts.key ?? envKey;
  if (opts.against && !key)
    throw new CliError(`${opts.against} needs a key: --key KEY, NOF1_EVAL_KEY or NOF1_KEY`, EXIT.usage);
  return opts.against ? { url: opts.against, key: key! } : undefined;
}

/** The exit code is the gate: 0 thresholds held, 4 one did not, 1 the run itself failed. */
function verdict(run: EvalRun) {
  if (run.status !== 'done') throw new CliError(`eval run ${run.id} failed: ${run.error ?? 'unknown error'}`);
  const broken = run.summary!.thresholds.filter((t) => !t.held);
  if (broken.length) {
    const names = broken.map(thresholdLabel).join(', ');
    throw new CliError(`thresholds failed: ${names}`, EXIT.thresholds);
  }
}

export function registerEvalRunCommand(evalCommand: Command) {
  evalCommand
    .command('run')
    .description(
      'Run an eval suite (in-process against a fresh store, or --against a running service) and gate on its thresholds.',
    )
    .argument('<suite>', 'the suite file (.yaml, .yml, .json or .jsonl)')
    .option('--filter <tag>', 'only cases with this tag (repeatable: any of them)', collect, [])
    .option('--repeat <n>', 'run each case n times and report flaky cases', '1')
    .option('--concurrency <n>', 'cases in flight at once', '2')
    .option('--against <url>', 'run against a running service (POST /v1/compose) instead of in-process')
    .option('--key <key>', 'API key for --against (default NOF1_EVAL_KEY)')
    .option('--output <file>', 'write a report: .json, .xml (JUnit) or .html (repeatable)', collect, [])
    .option('--no-store', 'do not keep the run in the local store')
    .action(async (file: string, opts: RunOpts) => {
      let env: ReturnType<typeof loadEnv>;
      try {
        env = loadEnv();
      } catch (err) {
        if (err instanceof EnvError) throw new CliError(err.message);
        throw err;
      }
      const held =
        opts.against || env.DATABASE_URL || env.NOF1_DATA_DIR === 'memory'
          ? undefined
          : await runningService(env.NOF1_DATA_DIR);
      // The folder is the service's: the suite runs against it (its runs marked as eval runs) and is not stored.
      if (held) opts.against = held.url;
      const against = checkUsage(opts, env.NOF1_EVAL_KEY ?? env.NOF1_KEY);
      const keep = opts.store && !held;
      if (held)
        process.stderr.write(
          `the store in ${env.NOF1_DATA_DIR} is in use by the service at ${held.url} (process ${held.pid}): running the suite against it; the run is not stored (stop the service to store runs)\n`,
        );
      const repeat = wholeNumber(opts.repeat, '--repeat', 100);
      const concurrency = wholeNumber(opts.concurrency, '--concurrency', 64);
      const suite = await loadSuite(file).catch((err: unknown) => {
        throw err instanceof SuiteError ? new CliError(err.message, EXIT.usage) : err;
      });
      try {
        checkFilterTags(suite, opts.filter);
      } catch (err) {
        if (err instanceof UnknownTags) throw new CliError(`--filter: ${err.message}`, EXIT.usage);
        throw err;
      }
      const run = await withEvalStore(env, keep, async (store) => {
        const bar = createProgressBar();
        const stop = new AbortController();
        // The first Ctrl-C stops scheduling cases and stores what ran; a second one is the default exit.
        const interrupt = () => stop.abort();
        process.once('SIGINT', interrupt);
        // In-process runs go to a child process, as the API's do: its memory is the run's alone, never
        // added to this process's (which may hold the project's store open to record the run).
        const limits = { memoryMb: env.NOF1_EVAL_MEMORY_MB, env: envStrings(env), compiledChild: compiledEvalChild() };
        const deps = {
          store,
          env,
          grader: await loadModelGrader(env),
          ...(against ? {} : { execute: (s: typeof suite, o: RunOptions) => runSuiteInChild(s, o, limits) }),
        };
        const options = {
          filterTags: opts.filter,
          repeat,
          concurrency,
          against,
          onProgress: bar.update,
          signal: stop.signal,
        };
        const started = await startEvalRun(deps, suite, options);
        try {
          return await started.done;
        } finally {
          process.off('SIGINT', interrupt);
          bar.stop();
        }
      });
      process.stdout.write(terminalSummary(run));
      await writeReports(run, opts.output);
      for (const out of opts.output) process.stdout.write(`wrote ${out}\n`);
      process.stdout.write(keep ? `stored run ${run.id}\n` : `run ${run.id} (not stored)\n`);
      verdict(run);
    });
}
