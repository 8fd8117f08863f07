import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { CliError } from './cli/cli-error.js';
import { registerComposeCommand } from './cli/compose-command.js';
import { registerContentCommands } from './cli/content-commands.js';
import { registerEvalCommands } from './cli/eval-commands.js';
import { registerKeysCommand } from './cli/keys-command.js';
import { registerLoopCommands } from './cli/loop-commands.js';
import { registerServeCommand } from './cli/serve-command.js';
import { registerSimulateCommand } from './cli/simulate-command.js';

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

registerServeCommand(program);
registerContentCommands(program);
registerComposeCommand(program);
registerEvalCommands(program);
registerLoopCommands(program);
registerSimulateCommand(program);
registerKeysCommand(program);

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
