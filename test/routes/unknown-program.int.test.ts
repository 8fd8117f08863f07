import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUESTS, subjectId } from '../support/compose-requests.js';
import { expectProblem } from '../support/problem.js';
import { startTestService, type TestService } from '../support/service.js';

let svc: TestService;
const KNOWN = ['halden-trial', 'lumenzo-adherence', 'lumenzo-hcp'];

beforeAll(async () => {
  svc = await startTestService();
});
afterAll(async () => {
  await svc?.close();
});

async function expectUnknownProgram(res: Response) {
  const problem = await expectProblem(res, 422);
  for (const program of KNOWN) expect(problem.detail).toContain(program);
  expect(problem.errors?.[0]?.path).toBe('program');
  return problem;
}

describe('an unknown programme', () => {
  it('is a 422 naming the known programmes on compose, and creates no run and no review', async () => {
    const before = (await (await svc.call('GET', '/v1/reviews?status=all', { key: 'reviewer' })).json()) as {
      reviews: unknown[];
    };
    const body = { ...REQUESTS.lowConfidence(subjectId('nope')), program: 'nope' };
    const problem = await expectUnknownProgram(await svc.call('POST', '/v1/compose', { key: 'client', body }));
    expect(problem.detail).not.toContain('nope');
    const streamed = await svc.call('POST', '/v1/compose?stream=1', { key: 'client', body });
    await expectUnknownProgram(streamed);
    const after = (await (await svc.call('GET', '/v1/reviews?status=all', { key: 'reviewer' })).json()) as {
      reviews: unknown[];
    };
    expect(after.reviews.length).toBe(before.reviews.length);
    const traces = (await (await svc.call('GET', '/v1/traces', { key: 'reviewer' })).json()) as { traces: unknown[] };
    expect(traces.traces).toEqual([]);
  });

  it.each([
    ['content listing', 'GET', '/v1/content/blocks?program=nope'],
    ['content search', 'GET', '/v1/content/blocks?program=nope&q=copay'],
    ['trace search', 'GET', '/v1/traces?program=nope'],
    ['settings', 'GET', '/v1/programs/nope/settings'],
  ])('is a 422 in the %s', async (_what, method, path) => {
    await expectUnknownProgram(await svc.call(method, path));
  });

  it('cannot be given settings', async () => {
    const body = { frequencyCap: 2, frequencyWindowDays: 7 };
    await expectUnknownProgram(await svc.call('PUT', '/v1/programs/nope/settings', { key: 'strategist', body }));
    const known = await svc.call('PUT', '/v1/programs/lumenzo-hcp/settings', { key: 'strategist', body });
    expect(known.status).toBe(200);
  });

  it('GET /v1/programs lists the known ones to any key', async () => {
    const res = await svc.call('GET', '/v1/programs', { key: 'client' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ programs: KNOWN });
  });
});
