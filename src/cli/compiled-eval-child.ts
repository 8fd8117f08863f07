import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isFresh } from '../bin/dist-manifest.js';

const own = fileURLToPath(import.meta.url);

/**
 * The bundled eval child (dist/bundle/eval-child.js) when this process runs from the sources (tsx) and
 * dist/ was built from these very sources; undefined otherwise (compiled code forks its own sibling, and a
 * stale build must never run).
 */
export function compiledEvalChild(root = fileURLToPath(new URL('../..', import.meta.url))): string | undefined {
  if (extname(own) !== '.ts') return undefined;
  const bundled = join(root, 'dist', 'bundle', 'eval-child.js');
  return existsSync(bundled) && isFresh(root, join(root, 'dist')) ? bundled : undefined;
}
