import { fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Env } from '../../src/env.js';
import type { LoadedSuite } from '../suite-schema.js';
import type { ChildReply, ChildRequest } from './child-messages.js';
import type { RunOptions, SuiteRunResult } from './run-types.js';

export type ChildLimits = {
  /** V8 heap for the child, and the resident size (heap, the store's WebAssembly memory) it may not pass. */
  memoryMb: number;
  env: Record<string, string | undefined>;
  /**
   * A compiled eval child to run instead of this file's sibling: from the sources, the bundle's modules
   * take ≈ 110 MB against ≈ 190 MB through tsx, the difference between a 1,000-case run under and over
   * 500 MB (bench/RESULTS.md, "Eval memory"). The composition root decides (src/cli/compiled-eval-child.ts).
   */
  compiledChild?: string;
};

class EvalChildError extends Error {}

/** The parsed environment as the strings a child process parses again. */
export const envStrings = (env: Env) =>
  Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === undefined ? undefined : String(v)]));

const own = fileURLToPath(import.meta.url);

/**
 * The child to fork: the compiled one the caller names (`ChildLimits.compiledChild`), else this file's
 * sibling of the same kind — TypeScript through tsx, or compiled JavaScript (in a bundle, beside the chunk
 * holding this module).
 */
function childEntry(compiledChild: string | undefined): { file: string; loader: string[] } {
  if (compiledChild) return { file: compiledChild, loader: [] };
  return {
    file: join(dirname(own), `eval-child${extname(own)}`),
    loader: extname(own) === '.ts' ? ['--import', 'tsx'] : [],
  };
}
/**
 * A run allocates fast and keeps little (≈ 60 MB live): with V8's default 16 MB semi-spaces the heap
 * grew to ≈ 200 MB; with 4 MB ones it stayed near 80 MB, same results (bench/RESULTS.md, "Eval memory").
 */
const CHILD_HEAP_FLAGS = ['--max-semi-space-size=4'];

/** Resident set size of a process in MB, where the system shows it (Linux); undefined elsewhere. */
function residentMb(pid: number): number | undefined {
  const file = `/proc/${pid}/statm`;
  if (!existsSync(file)) return undefined;
  const pages = Number(readFileSync(file, 'utf8').split(' ')[1]);
  return (pages * 4096) / 2 ** 20;
}

/** Runs a suite in a child process with a memory cap; progress and abort cross the process boundary. */
export function runSuiteInChild(suite: LoadedSuite, opts: RunOptions, limits: ChildLimits): Promise<SuiteRunResult> {
  return new Promise((resolve, reject) => {
    const entry = childEntry(limits.compiledChild);
    const child = fork(entry.file, [], {
      execArgv: [...entry.loader, ...CHILD_HEAP_FLAGS, `--max-old-space-size=${limits.memoryMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(watch);
      opts.signal?.removeEventListener('abort', abort);
      fn();
    };
    const watch = setInterval(() => {
      const rss = child.pid === undefined ? undefined : residentMb(child.pid);
      if (rss !== undefined && rss > limits.memoryMb * 1.5) {
        child.kill('SIGKILL');
        settle(() => reject(new EvalChildError(`the eval run passed its memory cap (${Math.round(rss)} MB)`)));
      }
    }, 1000);
    watch.unref();
    const abort = () => child.connected && child.send({ type: 'abort' } satisfies ChildRequest);
    opts.signal?.addEventListener('abort', abort);
    child.on('message', (reply: ChildReply) => {
      if (reply.type === 'progress') opts.onProgress?.(reply.progress);
      else if (reply.type === 'result') settle(() => resolve(reply.result));
      else settle(() => reject(new EvalChildError(reply.message)));
    });
    child.on('error', (err) => settle(() => reject(err)));
    child.on('exit', (code, signal) =>
      settle(() =>
        reject(new EvalChildError(`the eval process ended (${signal ?? `exit ${code}`}) before its result`)),
      ),
    );
    const request: ChildRequest = {
      type: 'run',
      suite,
      options: { filterTags: opts.filterTags, repeat: opts.repeat, concurrency: opts.concurrency },
      env: limits.env,
    };
    child.send(request);
    if (opts.signal?.aborted) abort();
  });
}
