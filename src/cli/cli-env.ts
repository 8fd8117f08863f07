import { assertKnownProgram, type ProgramSource } from '../content/known-program.js';
import { Unprocessable } from '../domain/errors.js';
import { type Env, EnvError, loadEnv } from '../env.js';
import { CliError, EXIT } from './cli-error.js';

/** The environment, or a failed command naming the bad variable (exit 1: the setup, not the command line). */
export function loadCliEnv(): Env {
  try {
    return loadEnv();
  } catch (err) {
    if (err instanceof EnvError) throw new CliError(err.message);
    throw err;
  }
}

/** An unknown programme is the command line's mistake: a usage error naming the known ones. */
export async function knownProgram(source: ProgramSource, program: string | undefined) {
  try {
    await assertKnownProgram(source, program);
  } catch (err) {
    if (err instanceof Unprocessable) throw new CliError(err.message, EXIT.usage);
    throw err;
  }
}
