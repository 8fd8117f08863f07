#!/usr/bin/env node
// `npm run build` (and `npm start`, before it starts): compiles the service's TypeScript to JavaScript in
// dist/ with esbuild, file by file with the same layout, so start-up loads plain JavaScript instead of
// transforming TypeScript. Other files (data, the console's scripts, suites) are linked, not copied.
// `--if-stale` builds only when dist/ does not match the sources; dist/ is never committed.
import { mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { fingerprint, isFresh, MANIFEST, sourceFiles } from './dist-manifest.js';

const isTypeScript = (path) => /\.tsx?$/.test(path) && !path.endsWith('.d.ts');

/** Builds `root`'s sources into `outDir`, replacing it whole once the new build is complete. */
export async function buildDist(root, outDir) {
  // Fingerprinted before compiling: a file edited meanwhile makes the result stale, never wrongly fresh.
  const seen = fingerprint(root);
  const building = `${outDir}.${process.pid}.partial`;
  await rm(building, { recursive: true, force: true });
  // package.json goes along: the CLI reads its version from beside its own folder.
  const files = sourceFiles(root).filter((p) => p.includes('/') || p === 'package.json');
  await build({
    absWorkingDir: root,
    entryPoints: files.filter(isTypeScript),
    outdir: building,
    outbase: '.',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  for (const path of files.filter((p) => !isTypeScript(p))) {
    const link = join(building, path);
    await mkdir(dirname(link), { recursive: true });
    await symlink(relative(dirname(join(outDir, path)), join(root, path)), link);
  }
  await writeFile(join(building, MANIFEST), JSON.stringify(seen));
  const old = `${outDir}.${process.pid}.old`;
  await rename(outDir, old).catch((err) => {
    if (err.code !== 'ENOENT') throw err;
  });
  await rename(building, outDir);
  await rm(old, { recursive: true, force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const outDir = join(root, 'dist');
  if (process.argv.includes('--if-stale') && isFresh(root, outDir)) process.exit(0);
  const started = performance.now();
  await buildDist(root, outDir);
  process.stderr.write(`nof1: compiled to dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
