import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { EvalStore } from '../../evals/eval-store.js';
import { renderComparisonHtml } from '../../evals/report/comparison-html.js';
import { renderComparison } from '../../evals/report/comparison-text.js';
import { compareRuns } from '../../evals/runner/compare-runs.js';
import { loadEnv } from '../env.js';
import { CliError, EXIT } from './cli-error.js';
import { withEvalStore } from './eval-store-access.js';

async function mustGet(store: EvalStore, id: string) {
  const run = await store.get(id);
  if (!run) throw new CliError(`no eval run ${id}`);
  if (run.status !== 'done') throw new CliError(`eval run ${id} is ${run.status}: only finished runs compare`);
  return run;
}

export function registerEvalReviewCommands(evalCommand: Command) {
  evalCommand
    .command('compare')
    .description('Compare two stored runs case by case; exits 5 when a case that passed now fails.')
    .argument('<runs...>', 'BASE HEAD, or only HEAD with --baseline last-accepted')
    .option('--baseline <which>', 'compare against the last accepted run of the same suite (last-accepted)')
    .option('--json', 'print the comparison as JSON')
    .option('--output <file>', 'also write the comparison: .html (case by case, side by side) or .json')
    .action(async (ids: string[], opts: { baseline?: string; json?: boolean; output?: string }) => {
      if (opts.output && !/\.(html?|json)$/i.test(opts.output))
        throw new CliError(`--output ${opts.output}: use .html or .json`, EXIT.usage);
      if (opts.baseline !== undefined && opts.baseline !== 'last-accepted')
        throw new CliError('--baseline takes only last-accepted', EXIT.usage);
      const wanted = opts.baseline ? 1 : 2;
      if (ids.length !== wanted)
        throw new CliError(opts.baseline ? 'give one run with --baseline' : 'give two runs: BASE HEAD', EXIT.usage);
      const comparison = await withEvalStore(loadEnv(), true, async (store) => {
        const head = await mustGet(store, ids.at(-1)!);
        const base = opts.baseline ? await store.lastAccepted(head.suite.name) : await mustGet(store, ids[0]!);
        if (!base) throw new CliError(`suite ${head.suite.name} has no accepted run yet (nof1 eval accept RUN)`);
        const compared = compareRuns(base, head);
        if (opts.output)
          await writeFile(
            opts.output,
            /\.json$/i.test(opts.output)
              ? `${JSON.stringify(compared, null, 2)}\n`
              : renderComparisonHtml(compared, base, head),
          );
        return compared;
      });
      process.stdout.write(opts.json ? `${JSON.stringify(comparison, null, 2)}\n` : renderComparison(comparison));
      if (comparison.regressions.length)
        throw new CliError(`${comparison.regressions.length} case(s) regressed`, EXIT.regression);
    });

  evalCommand
    .command('accept')
    .description("Mark a finished run as its suite's baseline (what --baseline last-accepted compares with).")
    .argument('<run>', 'the run id')
    .action(async (id: string) => {
      const run = await withEvalStore(loadEnv(), true, async (store) => {
        await mustGet(store, id);
        return store.accept(id);
      });
      process.stdout.write(`accepted ${run!.id} as the baseline of ${run!.suite.name}\n`);
    });
}
