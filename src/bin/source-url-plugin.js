// An esbuild plugin for bundles: a module finds its data with `new URL('<relative>', import.meta.url)`,
// which in a bundle would resolve against the bundle's file. Each such URL is rewritten to resolve
// against the module's own source file instead, found relative to the bundle, so data is read where it
// is kept (no copies) and the bundle still works when the whole checkout moves. Every output file of the
// bundle must sit directly in `outDir` (no sub-folders) for one relative path to hold in all of them.
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';

/** `new URL(<a string or template literal>, import.meta.url)`: the literal is group 1. */
const RELATIVE_URL = /new URL\(\s*((['"`])(?:\\.|(?!\2)[^\\])*\2)\s*,\s*import\.meta\.url\s*\)/g;

/** `source` with each data URL resolved against `sourceFile`, reached from a bundle file in `outDir`. */
export function rewriteSourceUrls(source, sourceFile, outDir) {
  const fromBundle = JSON.stringify(relative(outDir, sourceFile).split('\\').join('/'));
  return source.replace(RELATIVE_URL, (_, literal) => `new URL(${literal}, new URL(${fromBundle}, import.meta.url))`);
}

/** The plugin: applies rewriteSourceUrls to the project's own TypeScript (never to installed packages). */
export function sourceUrlPlugin(outDir) {
  return {
    name: 'nof1-source-url',
    setup(build) {
      build.onLoad({ filter: /\.tsx?$/ }, async (args) => {
        if (args.path.includes('/node_modules/')) return undefined;
        const source = await readFile(args.path, 'utf8');
        const loader = args.path.endsWith('x') ? 'tsx' : 'ts';
        return { contents: rewriteSourceUrls(source, args.path, outDir), loader };
      });
    },
  };
}
