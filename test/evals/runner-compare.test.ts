import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../evals/runner/compare-runs.js';
import { runSuite } from '../../evals/runner/run-suite.js';
import { blockedAnswer, composeAnswer } from './fixtures/compose-answer.js';
import { fakeSuite, fakeTarget, storedRun } from './support/runner-suites.js';

const suite = fakeSuite([
  { id: 'keeps', assert: [{ type: 'status', value: 'approved' }] },
  { id: 'breaks', assert: [{ type: 'status', value: 'approved' }] },
  { id: 'heals', assert: [{ type: 'status', value: 'blocked' }] },
  { id: 'drifts', assert: [] },
]);

async function runWith(answers: Record<string, ReturnType<typeof composeAnswer>>) {
  const { target } = fakeTarget((id) => answers[id] ?? composeAnswer());
  return storedRun(await runSuite(suite, {}, { createTarget: async () => target }));
}

describe('compareRuns', () => {
  it('lists regressions, fixes and changed answers case by case', async () => {
    const base = await runWith({ heals: composeAnswer() });
    const head = await runWith({
      breaks: blockedAnswer('consent'),
      heals: blockedAnswer('consent'),
      drifts: blockedAnswer('frequency'),
    });
    const c = compareRuns(base, head);
    expect(c.regressions.map((x) => x.id)).toEqual(['breaks']);
    expect(c.regressions[0]).toMatchObject({
      base: { pass: true, status: 'approved' },
      head: { pass: false, status: 'blocked', failed: ['status: status blocked, expected approved'] },
    });
    expect(c.fixes.map((x) => x.id)).toEqual(['heals']);
    expect(c.changed.map((x) => x.id)).toEqual(['drifts']);
    expect(c.base).toMatchObject({ id: base.id, passRate: 0.75 });
    expect(c.head).toMatchObject({ id: head.id, passRate: 0.75 });
  });

  it('reports cases added to or gone from the suite without calling them regressions', async () => {
    const base = await runWith({});
    const head = {
      ...base,
      id: 'evr_head',
      results: [...base.results!.slice(1), { ...base.results![0]!, id: 'new', pass: false }],
    };
    const c = compareRuns(base, head);
    expect([c.regressions, c.added.map((x) => x.id), c.removed.map((x) => x.id)]).toEqual([[], ['new'], ['keeps']]);
  });
});
