#!/usr/bin/env node
// Runs the bundled JavaScript in dist/bundle when dist/ was built from the sources as they are now
// (`npm start` builds it first); otherwise the TypeScript through tsx, so `npx nof1` works from a fresh
// clone or right after an edit, only slower to start.
import { fileURLToPath } from 'node:url';
import { isFresh } from './dist-manifest.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
if (isFresh(root, `${root}dist`)) {
  await import('../../dist/bundle/cli.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli.ts');
}
