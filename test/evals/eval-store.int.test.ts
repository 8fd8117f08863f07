import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvalStore, type EvalStore } from '../../evals/eval-store.js';
import { createMemoryEvalStore } from '../../evals/memory-eval-store.js';
import { openStore, type Store } from '../../src/store/open-store.js';

let store: Store;
beforeAll(async () => {
  store = await openStore({ dataDir: 'memory' });
});
afterAll(async () => {
  await store?.close();
});

const config = { mode: 'in-process' as const, repeat: 2, concurrency: 2, filter: ['cost'], model: 'offline' };
const summary = { passRate: 1 } as never;
const results = [{ id: 'case-1', pass: true }] as never;
let serial = 0;
const newRun = (s: EvalStore, suiteName = `suite-${++serial}`) =>
  s.create({ suiteName, suiteFile: '/suites/x.yaml', gitCommit: 'a'.repeat(40), config, total: 4 });

// The SQL repository and the in-memory one (--no-store, tests) keep the same contract.
describe.each([
  ['eval_runs table', () => createEvalStore(store.pool)],
  ['in-memory store', () => createMemoryEvalStore()],
])('eval store: %s', (_name, make) => {
  it('records a run as running with its progress, then finished with summary and results', async () => {
    const s = make();
    const id = await newRun(s);
    expect(id).toMatch(/^evr_[0-9a-f]{20}$/);
    await s.progress(id, 3, 4);
    expect(await s.get(id)).toMatchObject({
      status: 'running',
      progress: { done: 3, total: 4 },
      config,
      gitCommit: 'a'.repeat(40),
      summary: null,
      finishedAt: null,
      accepted: false,
    });
    const done = await s.finish(id, { status: 'done', summary, results });
    expect(done).toMatchObject({ status: 'done', progress: { done: 4, total: 4 }, summary, results, error: null });
    expect(Date.parse(done!.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(done!.startedAt));
    expect(await s.get('evr_nope')).toBeUndefined();
  });

  it('keeps a failed run with its error and partial results, and never accepts it', async () => {
    const s = make();
    const id = await newRun(s);
    await s.progress(id, 1, 4);
    const failed = await s.finish(id, { status: 'failed', error: 'interrupted', results });
    expect(failed).toMatchObject({ status: 'failed', error: 'interrupted', progress: { done: 1 }, results });
    expect(await s.accept(id)).toBeUndefined();
    expect((await s.get(id))!.accepted).toBe(false);
  });

  it("answers the suite's most recently accepted run as its baseline", async () => {
    const s = make();
    const suite = `baseline-${++serial}`;
    const [a, b, other] = [await newRun(s, suite), await newRun(s, suite), await newRun(s)];
    for (const id of [a, b, other]) await s.finish(id, { status: 'done', summary, results });
    expect(await s.lastAccepted(suite)).toBeUndefined();
    await s.accept(b);
    await new Promise((r) => setTimeout(r, 5));
    await s.accept(a);
    await s.accept(other);
    expect((await s.lastAccepted(suite))?.id).toBe(a);
    expect((await s.get(a))!.acceptedAt).not.toBeNull();
  });
});

it('marks runs a stopped process left running as failed', async () => {
  const s = createEvalStore(store.pool);
  const id = await newRun(s);
  expect(await s.failInterrupted()).toBeGreaterThanOrEqual(1);
  expect(await s.get(id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/^interrupted/) });
});
