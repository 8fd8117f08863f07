import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logLine } from '../support/child-service.js';
import { REPO_ROOT, spawnNof1 } from '../support/cli.js';
import { REQUESTS, subjectId } from '../support/compose-requests.js';
import { freePort } from '../support/free-port.js';
import { traceModules } from '../support/module-trace/loaded-packages.js';
import { KEY_SPEC, KEYS } from '../support/service.js';

let url = '';
let stop: () => Promise<void> = async () => undefined;
let traceDir = '';

const call = (path: string, body?: unknown) =>
  fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${KEYS.admin}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

beforeAll(async () => {
  // What `npm start` does first: dist/ (with its bundles) built unless it matches the sources.
  const built = spawnSync(process.execPath, [join(REPO_ROOT, 'src/bin/build-dist.js'), '--if-stale']);
  expect(built.status, String(built.stderr)).toBe(0);
  // One folder for the whole file (the module list, the data folder): tempDir's clean-up is per test.
  traceDir = await mkdtemp(join(tmpdir(), 'nof1-bundled-'));
  const port = await freePort();
  const child = spawnNof1(['serve', '--workers', '2'], {
    PORT: String(port),
    NOF1_API_KEYS: KEY_SPEC,
    LOG_LEVEL: 'info',
    NOF1_DATA_DIR: join(traceDir, 'data'),
    NOF1_DEMO: '1',
    ...traceModules(traceDir),
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  await logLine(child, 'nof1 workers listening');
  url = `http://127.0.0.1:${port}`;
}, 120_000);
afterAll(async () => {
  await stop();
  await rm(traceDir, { recursive: true, force: true });
});

describe('npm start runs the bundles: nof1 serve --workers 2 on an empty folder', () => {
  it('runs the CLI and both workers from dist/bundle, no TypeScript source loaded', async () => {
    const loaded = (await readFile(join(traceDir, 'modules.txt'), 'utf8')).split('\n');
    const bundle = `file://${join(REPO_ROOT, 'dist', 'bundle')}/`;
    expect(loaded).toContain(`${bundle}cli.js`);
    expect(loaded.filter((u) => u === `${bundle}cluster-worker.js`)).toHaveLength(2);
    expect(loaded.filter((u) => /\.tsx?$/.test(u))).toEqual([]);
  });

  it('answers /healthz, and composes from the demo library with its compliance and safety data', async () => {
    expect((await call('/healthz')).status).toBe(200);
    const cost = await call('/v1/compose', REQUESTS.cost(subjectId('bundle')));
    expect(cost.status).toBe(200);
    expect(((await cost.json()) as { status: string }).status).toBe('approved');
    // Crisis language is found by the safety data: the run is held for a person.
    const crisis = await call('/v1/compose', REQUESTS.crisis(subjectId('bundle')));
    expect(((await crisis.json()) as { status: string; review: { reason: string } }).review.reason).toMatch(/^crisis/);
  });

  it('searches with the synonyms file: "price" finds the copay blocks', async () => {
    const res = await call('/v1/content/blocks?program=lumenzo-adherence&audience=patient&q=price');
    const { blocks } = (await res.json()) as { blocks: Array<{ tags: { barriers: string[] } }> };
    expect(blocks.some((b) => b.tags.barriers.includes('cost'))).toBe(true);
  });
});
