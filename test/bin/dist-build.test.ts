import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildDist } from '../../src/bin/build-dist.js';
import { fingerprint, isFresh, MANIFEST } from '../../src/bin/dist-manifest.js';
import { tempDir } from '../support/temp-dir.js';

const run = promisify(execFile);

/** A tiny project: two TypeScript modules, a data file read beside them, its settings. */
async function project() {
  const root = await tempDir('nof1-dist-');
  await mkdir(join(root, 'src', 'data'), { recursive: true });
  await writeFile(join(root, 'package.json'), '{"type": "module"}');
  await writeFile(join(root, 'tsconfig.json'), '{"compilerOptions": {"module": "nodenext", "target": "es2022"}}');
  await writeFile(
    join(root, 'src', 'main.ts'),
    "import { readFileSync } from 'node:fs';\nimport { greet } from './greet.js';\n" +
      "const name: string = readFileSync(new URL('./data/name.txt', import.meta.url), 'utf8').trim();\n" +
      'console.log(greet(name));\n',
  );
  await writeFile(join(root, 'src', 'greet.ts'), "export const greet = (who: string): string => 'hello ' + who;\n");
  await writeFile(join(root, 'src', 'data', 'name.txt'), 'world\n');
  return { root, out: join(root, 'dist') };
}

/** Writes the manifest of the sources as they are, as a build would. */
async function manifest(root: string, out: string) {
  await mkdir(out, { recursive: true });
  await writeFile(join(out, MANIFEST), JSON.stringify(fingerprint(root)));
}

describe('dist freshness', () => {
  it('is fresh for the sources it was made from, and stale without a manifest', async () => {
    const { root, out } = await project();
    expect(isFresh(root, out)).toBe(false);
    await manifest(root, out);
    expect(isFresh(root, out)).toBe(true);
  });

  it('is stale when a source changes, even to a text of the same length', async () => {
    const { root, out } = await project();
    await manifest(root, out);
    const file = join(root, 'src', 'greet.ts');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('hello', 'howdy'));
    expect(isFresh(root, out)).toBe(false);
  });

  it('stays fresh when a checkout only touches a file, content unchanged', async () => {
    const { root, out } = await project();
    await manifest(root, out);
    const file = join(root, 'src', 'greet.ts');
    const { mtime } = await stat(file);
    await utimes(file, mtime, new Date(mtime.getTime() + 60_000));
    expect(isFresh(root, out)).toBe(true);
  });

  it('is stale when a file is added or removed, or a setting changes; run data in dot-folders does not count', async () => {
    const { root, out } = await project();
    await manifest(root, out);
    await mkdir(join(root, 'src', '.runs'));
    await writeFile(join(root, 'src', '.runs', 'run.json'), '{}');
    expect(isFresh(root, out)).toBe(true);
    await writeFile(join(root, 'src', 'extra.ts'), 'export {};\n');
    expect(isFresh(root, out)).toBe(false);
    await rm(join(root, 'src', 'extra.ts'));
    expect(isFresh(root, out)).toBe(true);
    await rm(join(root, 'src', 'data', 'name.txt'));
    expect(isFresh(root, out)).toBe(false);
    await writeFile(join(root, 'src', 'data', 'name.txt'), 'world\n');
    await writeFile(join(root, 'tsconfig.json'), '{"compilerOptions": {"module": "nodenext", "target": "es2020"}}');
    expect(isFresh(root, out)).toBe(false);
  });
});

describe('buildDist', () => {
  it('compiles every module to JavaScript that runs, links the data beside it, and records a fresh manifest', async () => {
    const { root, out } = await project();
    await buildDist(root, out);
    expect(isFresh(root, out)).toBe(true);
    const { stdout } = await run(process.execPath, [join(out, 'src', 'main.js')]);
    expect(stdout.trim()).toBe('hello world');
    // Data is linked, not copied: an edit shows at once.
    await writeFile(join(root, 'src', 'data', 'name.txt'), 'again\n');
    expect((await run(process.execPath, [join(out, 'src', 'main.js')])).stdout.trim()).toBe('hello again');
    // A rebuild replaces the whole folder: a module since deleted is gone from it.
    await rm(join(root, 'src', 'greet.ts'));
    await writeFile(join(root, 'src', 'main.ts'), "console.log('alone');\n");
    await buildDist(root, out);
    await expect(stat(join(out, 'src', 'greet.js'))).rejects.toThrow();
    expect((await run(process.execPath, [join(out, 'src', 'main.js')])).stdout.trim()).toBe('alone');
  });
});

describe('buildDist with bundles', () => {
  it('bundles an entry into dist/bundle that reads its data where the sources keep it', async () => {
    const { root, out } = await project();
    await buildDist(root, out, { bundles: ['src/main.ts'] });
    expect(isFresh(root, out)).toBe(true);
    const bundled = join(out, 'bundle', 'main.js');
    // One file: greet.ts is inside it, not imported beside it.
    expect(await readFile(bundled, 'utf8')).toContain('// src/greet.ts');
    expect((await run(process.execPath, [bundled])).stdout.trim()).toBe('hello world');
    await writeFile(join(root, 'src', 'data', 'name.txt'), 'again\n');
    expect((await run(process.execPath, [bundled])).stdout.trim()).toBe('hello again');
  });
});
