#!/usr/bin/env node
// Runs the TypeScript CLI without a build step, so `npx nof1` works from a fresh clone.
import { register } from 'tsx/esm/api';

register();
await import('../cli.ts');
