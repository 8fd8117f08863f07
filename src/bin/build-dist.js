#!/usr/bin/env node
// `npm run build` (and `npm start`, before it starts): compiles the service's TypeScript to JavaScript in
// dist/ with esbuild, file by file with the same layout, so start-up loads plain JavaScript instead of
// transforming TypeScript. Other files (data, the console's scripts, suites) are linked, not copied.
// The processes `npm start` runs load bundles instead (dist/bundle/): one file and a few shared chunks
// per entry rather than about 2,000 modules resolved one by one, which is most of a worker's start.
// `--if-stale` builds only when dist/ does not match the sources; dist/ is never committed.
import { mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { BUNDLE, fingerprint, isFresh, MANIFEST, sourceFiles } from './dist-manifest.js';
import { sourceUrlPlugin } from './source-url-plugin.js';

const isTypeScript = (path) => /\.tsx?$/.test(path) && !path.endsWith('.d.ts');

/** The entry points `npm start` bundles: the CLI, and the processes it forks (named by file, so siblings). */
const START_ENTRIES = ['src/cli.ts', 'src/cli/cluster-worker.ts', 'evals/runner/eval-child.ts'];

// Packages left out of the bundles: PGlite finds its WebAssembly and data files beside its own modules,
// and pg's optional native binding is not installed.
const EXTERNAL = ['@electric-sql/*', 'pg-native'];
// Bundled CommonJS packages call require(); an ES module has none of its own.
const REQUIRE_BANNER =
  "import { createRequire as __nof1CreateRequire } from 'node:module'; const require = __nof1CreateRequire(import.meta.url);";

/** What each bundle file holds (esbuild's metafile): which sources and packages a loaded chunk brings in. */
export const BUNDLE_META = 'meta.json';

/**
 * Bundles `entries` (paths under `root`) into `bundleDir`; the chunks they share sit beside them, with
 * BUNDLE_META, so a test can tell which packages a process that loaded some chunks has loaded.
 */
async function bundle(root, entries, bundleDir, finalDir) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: entries,
    bundle: true,
    splitting: true,
    outdir: bundleDir,
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    banner: { js: REQUIRE_BANNER },
    tsconfig: join(root, 'tsconfig.json'),
    plugins: [sourceUrlPlugin(finalDir)],
    metafile: true,
    logLevel: 'warning',
  });
  await writeFile(join(bundleDir, BUNDLE_META), JSON.stringify(result.metafile));
}

/**
 * Builds `root`'s sources into `outDir`, replacing it whole once the new build is complete; `bundles` are
 * entry points also bundled into `outDir`/bundle.
 */
export async function buildDist(root, outDir, { bundles = [] } = {}) {
  // Fingerprinted before compiling: a file edited meanwhile makes the result stale, never wrongly fresh.
  const seen = fingerprint(root);
  const building = `${outDir}.${process.pid}.partial`;
  await rm(building, { recursive: true, force: true });
  // package.json goes along: the CLI reads its version from beside its own folder.
  const files = sourceFiles(root).filter((p) => p.includes('/') || p === 'package.json');
  const bundled = bundles.length ? bundle(root, bundles, join(building, BUNDLE), join(outDir, BUNDLE)) : undefined;
  const compiled = build({
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
  await Promise.all([compiled, bundled]);
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
  await buildDist(root, outDir, { bundles: START_ENTRIES });
  process.stderr.write(`nof1: compiled to dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
