import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_META } from '../../../src/bin/build-dist.js';

const REGISTER = fileURLToPath(new URL('./register.mjs', import.meta.url));

/** Environment that makes a child process (and the workers it forks) list each module it loads in `dir`. */
export const traceModules = (dir: string) => ({
  NODE_OPTIONS: `--import=${REGISTER}`,
  MODULE_TRACE_FILE: join(dir, 'modules.txt'),
});

const PACKAGE = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//;

/** Package names in paths. */
const packagesIn = (paths: Iterable<string>) => [...paths].flatMap((p) => PACKAGE.exec(p)?.[1] ?? []);

/**
 * The packages (`name` or `@scope/name`) the traced processes loaded: from node_modules directly, or
 * inside a bundle file they loaded (dist/bundle/, whose esbuild metafile says what each file holds).
 */
export async function loadedPackages(dir: string): Promise<Set<string>> {
  const urls = (await readFile(join(dir, 'modules.txt'), 'utf8')).split('\n').filter(Boolean);
  const names = new Set(packagesIn(urls));
  const bundleFiles = urls
    .filter((u) => u.startsWith('file:') && u.includes('/dist/bundle/'))
    .map((u) => fileURLToPath(u));
  const metas = new Map<string, Metafile>();
  for (const file of bundleFiles) {
    const metaPath = join(dirname(file), BUNDLE_META);
    if (!metas.has(metaPath)) metas.set(metaPath, JSON.parse(await readFile(metaPath, 'utf8')) as Metafile);
    // Output paths name the folder the build wrote into before it was renamed: match the file's own name.
    const output = Object.entries(metas.get(metaPath)!.outputs).find(([path]) => basename(path) === basename(file));
    for (const name of packagesIn(Object.keys(output?.[1].inputs ?? {}))) names.add(name);
  }
  return names;
}

type Metafile = { outputs: Record<string, { inputs: Record<string, unknown> }> };
