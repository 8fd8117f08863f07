import type { Command } from 'commander';
import { registerEvalReviewCommands } from './eval-review-commands.js';
import { registerEvalRunCommand } from './eval-run-command.js';

/** `nof1 eval run|compare|accept`: what content strategists gate a release on. */
export function registerEvalCommands(program: Command) {
  const evalCommand = program.command('eval').description('Eval suites: run, compare with a baseline, accept.');
  registerEvalRunCommand(evalCommand);
  registerEvalReviewCommands(evalCommand);
}
