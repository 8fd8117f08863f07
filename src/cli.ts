import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { CliError } from './cli/cli-error.js';

const loopCommands = async () => (await import('./cli/loop-commands.js')).registerLoopCommands;

// Each command's modules load only when it is the one run (`nof1 serve` need not load the eval runner).
const COMMANDS: Record<string, () => Promise<(program: Command) => void>> = {
  serve: async () => (await import('./cli/serve-command.js')).registerServeCommand,
  content: async () => (await import('./cli/content-commands.js')).registerContentCommands,
  compose: async () => (await import('./cli/compose-command.js')).registerComposeCommand,
  eval: async () => (await import('./cli/eval-commands.js')).registerEvalCommands,
  events: loopCommands,
  outbox: loopCommands,
  simulate: async () => (await import('./cli/simulate-command.js')).registerSimulateCommand,
  keys: async () => (await import('./cli/keys-command.js')).registerKeysCommand,
};

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const program = new Command('nof1')
  .description('Compose N-of-1 health-engagement messages from MLR-approved content.')
  .version(version, '-V, --version', 'print the version')
  .addHelpText(
    'after',
    `
Exit codes: 0 done, 1 failed, 2 usage (a bad option, a missing file, a file that is not valid),
3 done but some input was rejected, 4 an eval suite's threshold did not hold, 5 an eval comparison
found a regression.

While a service holds the store (NOF1_DATA_DIR), content, compose and eval commands reach it over
HTTP with NOF1_KEY (or --key); --against URL names any service.`,
  )
  .showHelpAfterError()
  .exitOverride();

const first = process.argv[2] ?? '';
const named = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
// A module that registers several commands (events, outbox) is loaded once.
for (const load of named ? [named] : new Set(Object.values(COMMANDS))) (await load())(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const code = (err as { code?: string }).code;
  if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') process.exit(0);
  if (code?.startsWith('commander.')) process.exit(2);
  if (err instanceof CliError) {
    process.stderr.write(`nof1: ${err.message}\n`);
    process.exit(err.exitCode);
  }
  process.stderr.write(`nof1: ${(err as Error).message}\n`);
  process.exit(1);
}
