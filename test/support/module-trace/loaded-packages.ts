import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REGISTER = fileURLToPath(new URL('./register.mjs', import.meta.url));

/** Environment that makes a child process (and the workers it forks) list each module it loads in `dir`. */
export const traceModules = (dir: string) => ({
  NODE_OPTIONS: `--import=${REGISTER}`,
  MODULE_TRACE_FILE: join(dir, 'modules.txt'),
});

/** The packages (`name` or `@scope/name`) the traced processes loaded from node_modules. */
export async function loadedPackages(dir: string): Promise<Set<string>> {
  const text = await readFile(join(dir, 'modules.txt'), 'utf8');
  const names = new Set<string>();
  for (const match of text.matchAll(/\/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)) names.add(match[1] as string);
  return names;
}
