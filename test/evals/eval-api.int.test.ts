import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { createEvalStore, type EvalRun } from '../../evals/eval-store.js';
import type { Comparison } from '../../evals/runner/compare-runs.js';
import { openStore } from '../../src/store/open-store.js';
import { runNof1 } from '../support/cli.js';
import { KEYS, startTestService, type TestService } from '../support/service.js';
import { tempDir } from '../support/temp-dir.js';
import { tinySuite } from './support/runner-suites.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService({ LOG_LEVEL: 'warn' });
});
afterAll(async () => {
  await svc?.close();
});

async function start(body: unknown, expected = 202) {
  const res = await svc.call('POST', '/v1/evals/runs', { key: 'strategist', body });
  expect(res.status, await res.clone().text()).toBe(expected);
  return res;
}

/** Polls GET /v1/evals/runs/{id} until the background run has finished. */
async function finished(id: string): Promise<EvalRun> {
  for (let i = 0; i < 300; i++) {
    const res = await svc.call('GET', `/v1/evals/runs/${id}`, { key: 'strategist' });
    expect(res.status).toBe(200);
    const run = (await res.json()) as EvalRun;
    if (run.status !== 'running') return run;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`eval run ${id} did not finish`);
}

describe('eval API', () => {
  it('starts an uploaded suite, reports progress then results and the HTML report, compares and accepts', async () => {
    const res = await start({ suiteYaml: stringify(tinySuite()) });
    const started = (await res.json()) as { id: string; status: string; progress: { total: number } };
    expect(started).toMatchObject({ status: 'running', progress: { total: 3 } });
    expect(res.headers.get('location')).toBe(`/v1/evals/runs/${started.id}`);
    const base = await finished(started.id);
    expect(base).toMatchObject({
      status: 'done',
      suite: { name: 'tiny', file: null },
      progress: { done: 3, total: 3 },
    });
    expect(base.summary).toMatchObject({ passRate: 1, thresholdsHeld: true });
    expect(base.results!.map((c) => c.id)).toEqual(['cost', 'no-consent', 'on-track']);

    const report = await svc.call('GET', `/v1/evals/runs/${base.id}/report.html`, { key: 'strategist' });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toMatch(/^text\/html/);
    expect(report.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await report.text();
    for (const id of ['confusion-matrix', 'assertion-pass-rates', 'latency-histogram'])
      expect(html).toContain(`id="${id}"`);

    const head = await finished(
      ((await (await start({ suiteYaml: stringify(tinySuite({ onTrack: 'approved' })) })).json()) as EvalRun).id,
    );
    expect(head.summary!.passRate).toBeCloseTo(2 / 3);

    const compare = async (q: string, status = 200) => {
      const r = await svc.call('GET', `/v1/evals/compare?${q}`, { key: 'strategist' });
      expect(r.status, await r.clone().text()).toBe(status);
      return (await r.json()) as Comparison;
    };
    const c = await compare(`base=${base.id}&head=${head.id}`);
    expect(c.regressions.map((x) => x.id)).toEqual(['on-track']);
    expect(c.regressions[0]!.head!.failed).toEqual(['status: status skipped, expected approved']);
    await compare(`base=last-accepted&head=${head.id}`, 404);

    const accepted = await svc.call('POST', `/v1/evals/runs/${base.id}/accept`, { key: 'strategist' });
    expect(accepted.status).toBe(200);
    expect(((await accepted.json()) as EvalRun).accepted).toBe(true);
    const vsBaseline = await compare(`base=last-accepted&head=${head.id}`);
    expect([vsBaseline.base.id, vsBaseline.regressions.map((x) => x.id)]).toEqual([base.id, ['on-track']]);
  }, 90_000);

  it('runs a shipped suite by name with a tag filter', async () => {
    const { id } = (await (
      await start({ suite: 'barrier-diagnosis', filter: ['caregiver'], concurrency: 2 })
    ).json()) as EvalRun;
    const run = await finished(id);
    expect(run).toMatchObject({
      status: 'done',
      suite: { name: 'barrier-diagnosis' },
      config: { filter: ['caregiver'] },
    });
    expect(run.suite.file).toMatch(/evals\/suites\/barrier-diagnosis\.yaml$/);
    expect(run.results!.length).toBeGreaterThan(5);
    expect(run.results!.every((c) => c.tags.includes('caregiver'))).toBe(true);
    expect(run.summary!.barrier.evaluated).toBe(run.results!.length);
  }, 90_000);

  it('answers problems for a wrong role, a bad body, an unknown or unsafe suite and an unknown run', async () => {
    const forbidden = await svc.call('POST', '/v1/evals/runs', { key: 'client', body: { suite: 'barrier-diagnosis' } });
    expect(forbidden.status).toBe(403);
    await start({ suite: 'barrier-diagnosis', suiteYaml: 'name: x' }, 400);
    await start({ suite: 'barrier-diagnosis', repeat: 0 }, 400);
    await start({ suite: 'no-such-suite' }, 404);
    await start({ suite: '../package' }, 404);
    const unsafe = await start({ suiteYaml: stringify(tinySuite({ plugins: ['/tmp/x.mjs'] })) }, 400);
    expect(((await unsafe.json()) as { detail: string }).detail).toContain('self-contained; remove plugins');
    const bad = await start(
      { suiteYaml: ['name: bad', 'cases:', '  - id: one', '    assert:', '      - type: nonsense'].join('\n') },
      400,
    );
    expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await bad.json()) as { detail: string; errors: Array<{ path: string; message: string }> };
    expect(problem.errors[0]!.path).toBe('suite line 5');
    expect(problem.detail).toContain('suite:5: unknown assertion type "nonsense"');
    expect(problem.detail).not.toContain('/tmp');
    expect((await svc.call('GET', '/v1/evals/runs/evr_nope', { key: 'strategist' })).status).toBe(404);
    expect((await svc.call('GET', '/v1/evals/compare?base=evr_a&head=evr_b', { key: 'strategist' })).status).toBe(404);
  });

  it('nof1 eval run --against runs the same suite over HTTP; a case the service refuses is an error, not a crash', async () => {
    const dir = await tempDir();
    const [file, json] = [join(dir, 'tiny.yaml'), join(dir, 'run.json')];
    await writeFile(file, stringify(tinySuite()));
    const args = ['eval', 'run', file, '--against', svc.url, '--no-store', '--output', json];
    const ok = await runNof1(args, { NOF1_EVAL_KEY: KEYS.admin });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/cases 3 \(3 attempts\): 3 passed/);
    const run = JSON.parse(await readFile(json, 'utf8')) as EvalRun;
    expect(run.config).toMatchObject({ mode: 'http', model: null, against: svc.url });

    const refused = await runNof1(['eval', 'run', file, '--against', svc.url, '--key', 'not-a-key', '--no-store'], {});
    expect(refused.code).toBe(4);
    expect(refused.stdout).toContain('cost: POST /v1/compose answered HTTP 401: a valid bearer key is required');
    expect(refused.stdout).toMatch(/3 failed \(3 errors\)/);
  }, 60_000);
});

describe('eval API: shutdown', () => {
  it('stops a background run when the service stops, storing it as failed with the cases that ran', async () => {
    const dataDir = join(await tempDir(), 'store');
    const own = await startTestService({ NOF1_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    let id: string;
    try {
      const res = await own.call('POST', '/v1/evals/runs', {
        key: 'strategist',
        body: { suite: 'barrier-diagnosis', concurrency: 1 },
      });
      expect(res.status).toBe(202);
      id = ((await res.json()) as { id: string }).id;
      for (let done = 0; done < 3; ) {
        await new Promise((r) => setTimeout(r, 200));
        done = ((await (await own.call('GET', `/v1/evals/runs/${id}`, { key: 'strategist' })).json()) as EvalRun)
          .progress.done;
      }
    } finally {
      await own.close();
    }
    const store = await openStore({ dataDir });
    try {
      const run = (await createEvalStore(store.pool).get(id))!;
      expect(run).toMatchObject({ status: 'failed', error: 'interrupted before every case ran' });
      expect(run.results!.length).toBeGreaterThanOrEqual(3);
      expect(run.results!.length).toBeLessThan(run.progress.total);
    } finally {
      await store.close();
    }
  }, 90_000);
});
