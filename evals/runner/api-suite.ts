import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadSuite } from '../suite-loader.js';
import type { LoadedSuite } from '../suite-schema.js';

/** The suites that ship with nof1, which the API runs by name. */
export const SHIPPED_SUITES_DIR = fileURLToPath(new URL('../suites/', import.meta.url));

const SUITE_EXTS = ['.yaml', '.yml', '.jsonl'];
const SUITE_NAME = /^[a-z0-9][a-z0-9_-]{0,80}$/;

export class SuiteNotFound extends Error {}
export class UnsafeSuite extends Error {}

/** A shipped suite by its name (the file name without extension); names never reach outside the folder. */
export async function loadShippedSuite(name: string, dir = SHIPPED_SUITES_DIR): Promise<LoadedSuite> {
  const files = SUITE_NAME.test(name) ? await readdir(dir).catch(() => [] as string[]) : [];
  const file = files.find((f) => SUITE_EXTS.includes(extname(f)) && f.slice(0, -extname(f).length) === name);
  // The name is the client's text (it could be anything, an email even): it is not repeated back.
  if (!file) throw new SuiteNotFound('no shipped suite has this name');
  return loadSuite(join(dir, file));
}

/**
 * An uploaded suite must be self-contained: `plugins` would run the uploader's code in the service, and
 * `include`, `content` and `fixture` would read the service's files by path.
 */
function refuseReferences(text: string) {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return; // the loader reports the syntax error with its line
  }
  if (!doc || typeof doc !== 'object') return;
  const d = doc as { plugins?: unknown; include?: unknown; content?: unknown; cases?: unknown };
  const used: string[] = (['plugins', 'include', 'content'] as const).filter(
    (k) => d[k] !== undefined && !isEmpty(d[k]),
  );
  const fixtures = Array.isArray(d.cases) && d.cases.some((c) => c && typeof c === 'object' && 'fixture' in c);
  if (fixtures) used.push('fixture');
  if (used.length) throw new UnsafeSuite(`an uploaded suite must be self-contained; remove ${used.join(', ')}`);
}
const isEmpty = (v: unknown) => Array.isArray(v) && v.length === 0;

/** Loads YAML text a strategist uploaded, through the same loader (and errors with lines) as a file. */
export async function loadUploadedSuite(text: string): Promise<LoadedSuite> {
  refuseReferences(text);
  const dir = await mkdtemp(join(tmpdir(), 'nof1-suite-'));
  try {
    const file = join(dir, 'uploaded-suite.yaml');
    await writeFile(file, text);
    return await loadSuite(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
