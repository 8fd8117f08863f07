import { Command } from 'commander';
import { CliError } from './cli/cli-error.js';
import { registerComposeCommand } from './cli/compose-command.js';
import { registerContentCommands } from './cli/content-commands.js';
import { registerEvalCommands } from './cli/eval-commands.js';
import { registerLoopCommands } from './cli/loop-commands.js';
import { registerServeCommand } from './cli/serve-command.js';
import { registerSimulateCommand } from './cli/simulate-command.js';

const program = new Command('nof1')
  .description('Compose N-of-1 health-engagement messages from MLR-approved content.')
  .showHelpAfterError()
  .exitOverride();

registerServeCommand(program);
registerContentCommands(program);
registerComposeCommand(program);
registerEvalCommands(program);
registerLoopCommands(program);
registerSimulateCommand(program);

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
