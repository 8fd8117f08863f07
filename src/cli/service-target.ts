import type { Env } from '../env.js';
import { runningService } from '../store/service-file.js';
import { CliError, EXIT } from './cli-error.js';

/** Where a command runs: on the local store, or through a running service's API. */
export type Target = { kind: 'local' } | { kind: 'service'; url: string; key: string; why: string };

/**
 * A command reaches a service when told to (--against URL, or NOF1_URL), or when the embedded store's folder
 * is held by a running service (which cannot be opened twice); otherwise it opens the store itself.
 */
export async function resolveTarget(opts: { against?: string; key?: string }, env: Env): Promise<Target> {
  const key = opts.key ?? env.NOF1_KEY;
  const explicit = opts.against ?? env.NOF1_URL;
  if (explicit) {
    if (!/^https?:\/\//.test(explicit)) throw new CliError('--against must be an http(s) URL', EXIT.usage);
    if (!key) throw new CliError(`${explicit} needs a key: --key KEY or NOF1_KEY`, EXIT.usage);
    return { kind: 'service', url: explicit.replace(/\/+$/, ''), key, why: `--against ${explicit}` };
  }
  if (env.DATABASE_URL || env.NOF1_DATA_DIR === 'memory') return { kind: 'local' };
  const running = await runningService(env.NOF1_DATA_DIR);
  if (!running) return { kind: 'local' };
  const why = `the store in ${env.NOF1_DATA_DIR} is in use by the service at ${running.url} (process ${running.pid})`;
  if (!key) throw new CliError(`${why}: give its key to reach it (--key KEY or NOF1_KEY), or stop it`, EXIT.usage);
  return { kind: 'service', url: running.url, key, why };
}

/** Calls the service; a problem answer becomes a CLI error (2 for a request it refused, 1 otherwise). */
export async function callService<T>(
  target: Extract<Target, { kind: 'service' }>,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${target.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${target.key}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch (err) {
    throw new CliError(`${target.url} cannot be reached (${(err as Error).message})`);
  }
  const text = await res.text();
  if (res.ok) return JSON.parse(text) as T;
  let detail = text.slice(0, 300);
  try {
    const problem = JSON.parse(text) as { detail?: string; errors?: Array<{ path: string; message: string }> };
    detail = [problem.detail, ...(problem.errors ?? []).map((e) => `  ${e.path}: ${e.message}`)]
      .filter(Boolean)
      .join('\n');
  } catch {
    // not problem+json: the text as it came
  }
  const refused = res.status === 400 || res.status === 422;
  throw new CliError(`${target.url} answered ${res.status}: ${detail}`, refused ? EXIT.usage : EXIT.failed);
}
