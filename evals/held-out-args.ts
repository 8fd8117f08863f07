import { existsSync } from 'node:fs';
import { z } from 'zod';
import { HELD_OUT_SETS, type HeldOutSet, safetyCasesPath } from './safety-eval.js';

/**
 * The held-out commands' arguments: a wrong one ends the command with a one-line message,
 * its usage and exit code 2, never a stack trace.
 */
export function heldOutArgs(command: string, usage: string) {
  const fail = (message: string): never => {
    console.error(`${command}: ${message}\nusage: ${usage}`);
    process.exit(2);
  };
  /** Set letters ("a", "cdefgh") whose cases exist for the locale. */
  const sets = (letters: string, locale: string): HeldOutSet[] => {
    const parsed =
      z
        .array(z.enum(HELD_OUT_SETS))
        .min(1)
        .safeParse([...letters]).data ?? fail(`sets are letters from ${HELD_OUT_SETS.join('')}`);
    const missing = parsed.filter((s) => !existsSync(safetyCasesPath(locale, s)));
    if (missing.length > 0)
      fail(`no held-out set ${missing.join(', ')} for locale ${JSON.stringify(locale).slice(0, 40)}`);
    return parsed;
  };
  return { fail, sets };
}
