import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint, MANIFEST } from '../../src/bin/dist-manifest.js';
import { compiledEvalChild } from '../../src/cli/compiled-eval-child.js';
import { tempDir } from '../support/temp-dir.js';

/** A tiny source tree, and a dist/ with a bundled eval child built (as far as the manifest says) from it. */
async function project(opts: { bundle: boolean }) {
  const root = await tempDir('nof1-evalchild-');
  await mkdir(join(root, 'src'), { recursive: true });
  await writeFile(join(root, 'package.json'), '{"type": "module"}');
  await writeFile(join(root, 'src', 'main.ts'), 'export const x = 1;\n');
  await mkdir(join(root, 'dist', 'bundle'), { recursive: true });
  await writeFile(join(root, 'dist', MANIFEST), JSON.stringify(fingerprint(root)));
  if (opts.bundle) await writeFile(join(root, 'dist', 'bundle', 'eval-child.js'), '');
  return root;
}

describe('the eval child a run from the sources forks', () => {
  it('is the bundled child when dist/ was built from these sources', async () => {
    const root = await project({ bundle: true });
    expect(compiledEvalChild(root)).toBe(join(root, 'dist', 'bundle', 'eval-child.js'));
  });

  it('is not the bundle once a source has changed since the build (a stale build never runs)', async () => {
    const root = await project({ bundle: true });
    await writeFile(join(root, 'src', 'main.ts'), 'export const x = 2;\n');
    expect(compiledEvalChild(root)).toBeUndefined();
  });

  it('is not the bundle when the build has none', async () => {
    expect(compiledEvalChild(await project({ bundle: false }))).toBeUndefined();
  });
});
