import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { textTable } from '../../evals/report/text-table.js';
import { POLICY_NAMES, type PolicyName } from '../../evals/simulator/sim-policies.js';
import { renderSimulationHtml } from '../../evals/simulator/sim-report-html.js';
import type { SimResult } from '../../evals/simulator/sim-result.js';
import { simulate } from '../../evals/simulator/simulate.js';
import { CliError, EXIT } from './cli-error.js';

type Options = {
  program: string;
  subjects: string;
  days: string;
  seed: string;
  policies: string;
  bootstrap: string;
  programSpread: string;
  json?: boolean;
  output?: string;
};

function wholeNumber(value: string, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new CliError(`${flag} must be a whole number ${min}..${max}`, EXIT.usage);
  return n;
}

function spread(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 2)
    throw new CliError('--program-spread must be a number 0..2 (log-normal spread)', EXIT.usage);
  return n;
}

function policyList(value: string): PolicyName[] {
  const names = value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const unknown = names.filter((p) => !(POLICY_NAMES as readonly string[]).includes(p));
  if (names.length === 0 || unknown.length) {
    throw new CliError(
      `--policies: unknown ${unknown.join(', ') || '(none given)'}; use ${POLICY_NAMES.join(', ')}`,
      EXIT.usage,
    );
  }
  return [...new Set(names)] as PolicyName[];
}

const RENDER: Record<string, (r: SimResult) => string> = {
  '.html': renderSimulationHtml,
  '.htm': renderSimulationHtml,
  '.json': (r) => `${JSON.stringify(r, null, 2)}\n`,
};

function summaryText(r: SimResult): string {
  const rows = r.metadata.policies.map((p) => {
    const s = r.policies[p]!;
    return [
      p,
      s.pdc.toFixed(3),
      `${(s.pdcAtLeast80 * 100).toFixed(1)}%`,
      s.messagesPerSubject.toFixed(1),
      s.optOuts,
      s.regret.toFixed(2),
    ];
  });
  const share = r.comparisons.shareOfOracleUplift?.learning;
  const diff = r.comparisons.learningMinusTable?.pdc;
  return [
    textTable(['policy', 'PDC', 'PDC>=0.8', 'msgs/subject', 'opt-outs', 'regret'], rows),
    share
      ? `learning reaches ${(share.value * 100).toFixed(1)}% of the oracle's PDC uplift (95% CI ${(share.ci[0] * 100).toFixed(1)}–${(share.ci[1] * 100).toFixed(1)}%)`
      : '',
    diff
      ? `PDC learning − table: ${diff.value.toFixed(4)} (95% CI ${diff.ci[0].toFixed(4)} to ${diff.ci[1].toFixed(4)})`
      : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** `nof1 simulate`: the policy comparison on simulated patients; no store and no network needed. */
export function registerSimulateCommand(program: Command) {
  program
    .command('simulate')
    .description('Compare messaging policies (none, table, random, learning, oracle) on simulated patients.')
    .option('--program <program>', 'programme name to label the result', 'simulated-programme')
    .option('--subjects <n>', 'simulated subjects', '1000')
    .option('--days <n>', 'simulated days', '90')
    .option('--seed <n>', 'seed: the same seed gives the same subjects, draws and result', '1')
    .option('--policies <list>', 'comma-separated policies', POLICY_NAMES.join(','))
    .option('--bootstrap <n>', 'bootstrap resamples for the 95% intervals', '1000')
    .option(
      '--program-spread <sd>',
      "how far the programme departs from the design table's ranking (log-normal spread of a factor per technique; 0: the table is right on average)",
      '0',
    )
    .option('--json', 'print the result as JSON')
    .option('--output <file>', 'also write a report: .html or .json')
    .action(async (opts: Options) => {
      const render = opts.output ? RENDER[extname(opts.output).toLowerCase()] : undefined;
      if (opts.output && !render) throw new CliError(`--output ${opts.output}: use .html or .json`, EXIT.usage);
      const result = simulate({
        program: opts.program,
        subjects: wholeNumber(opts.subjects, '--subjects', 1, 100_000),
        days: wholeNumber(opts.days, '--days', 1, 3650),
        seed: wholeNumber(opts.seed, '--seed', 0, 2 ** 31 - 1),
        policies: policyList(opts.policies),
        bootstrap: wholeNumber(opts.bootstrap, '--bootstrap', 1, 100_000),
        programmeSpread: spread(opts.programSpread),
      });
      if (opts.output && render) await writeFile(opts.output, render(result));
      process.stdout.write(opts.json ? `${JSON.stringify(result)}\n` : `${summaryText(result)}\n`);
    });
}
