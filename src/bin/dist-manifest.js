// Whether dist/ (the compiled JavaScript `npm start` runs) was built from the sources as they are now.
// Plain JavaScript: it decides, before any TypeScript loader is registered, which code to run.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Folders whose files the build compiles (TypeScript) or links (everything else). */
const SOURCE_ROOTS = ['src', 'agents', 'tools', 'prompts', 'evals'];
/** Files outside them that change what is built. */
const SETTINGS = ['package.json', 'tsconfig.json'];
export const MANIFEST = '.build.json';
/** The folder of dist/ that holds the bundles start-up runs. */
export const BUNDLE = 'bundle';
// 2: dist/ has the bundles (a build without them is stale).
const FORMAT = 2;

/** Every source file under the roots (relative, `/`-separated); dot-files and dot-folders (run data) left out. */
export function sourceFiles(root) {
  const out = [];
  const walk = (rel) => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(path);
    }
  };
  for (const dir of SOURCE_ROOTS) if (existsSync(join(root, dir))) walk(dir);
  return [...out, ...SETTINGS.filter((file) => existsSync(join(root, file)))].sort();
}

const hashOf = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** What the build saw of each input: size and time of change for a quick check, the hash to settle doubts. */
export function fingerprint(root) {
  const files = {};
  for (const path of sourceFiles(root)) {
    const file = join(root, path);
    const { size, mtimeMs } = statSync(file);
    files[path] = { size, mtimeMs, hash: hashOf(file) };
  }
  return { format: FORMAT, files };
}

/**
 * True when `outDir` holds a build of exactly the current sources: the same files, each with the size
 * and time of change it had, or (a checkout touched it) the same content.
 */
export function isFresh(root, outDir) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(outDir, MANIFEST), 'utf8'));
  } catch {
    return false;
  }
  if (manifest.format !== FORMAT) return false;
  const files = sourceFiles(root);
  if (files.length !== Object.keys(manifest.files).length) return false;
  for (const path of files) {
    const seen = manifest.files[path];
    if (!seen) return false;
    const file = join(root, path);
    const { size, mtimeMs } = statSync(file);
    if (size !== seen.size) return false;
    if (mtimeMs !== seen.mtimeMs && hashOf(file) !== seen.hash) return false;
  }
  return true;
}
