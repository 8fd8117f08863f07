import { Command } from 'commander';
import { CliError } from './cli/cli-error.js';

// Each command's modules load only when it is the one run (`nof1 serve` need not load the eval runner).
const COMMANDS: Record<string, () => Promise<(program: Command) => void>> = {
  serve: async () => (await import('./cli/serve-command.js')).registerServeCommand,
  content: async () => (await import('./cli/content-commands.js')).registerContentCommands,
  compose: async () => (await import('./cli/compose-command.js')).registerComposeCommand,
  eval: async () => (await import('./cli/eval-commands.js')).registerEvalCommands,
  simulate: async () => (await import('./cli/simulate-command.js')).registerSimulateCommand,
};

const program = new Command('nof1')
  .description('Compose N-of-1 health-engagement messages from MLR-approved content.')
  .showHelpAfterError()
  .exitOverride();

const first = process.argv[2] ?? '';
const named = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
for (const load of named ? [named] : Object.values(COMMANDS)) (await load())(program);

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
