import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeHeld, type Decided, getTrace } from '../support/compose-requests.js';
import { expectProblem } from '../support/problem.js';
import { KEY_SPEC, startTestService, type TestService } from '../support/service.js';

// Two reviewers with keys of their own, one of them mid-rotation (an old and a new key, one name).
const ALICE = 'alice-reviewer-secret';
const BOB_OLD = 'bob-old-reviewer-secret';
const BOB_NEW = 'bob-new-reviewer-secret';
const PV = 'pv-officer-secret-01';
const SPEC = `${KEY_SPEC},reviewer:alice=${ALICE},reviewer:bob=${BOB_OLD},reviewer:bob=${BOB_NEW},safety:pv.officer=${PV}`;

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService({ NOF1_API_KEYS: SPEC });
});
afterAll(() => svc?.close());

const as = (key: string, path: string, init: RequestInit = {}) =>
  fetch(`${svc.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...init.headers },
  });

describe('GET /v1/me', () => {
  it.each([
    [ALICE, { name: 'alice', roles: ['reviewer'] }],
    [BOB_OLD, { name: 'bob', roles: ['reviewer'] }],
    [BOB_NEW, { name: 'bob', roles: ['reviewer'] }],
    [PV, { name: 'pv.officer', roles: ['safety'] }],
  ])('answers the name and roles of the calling key', async (key, expected) => {
    const res = await as(key, '/v1/me');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(expected);
  });

  it('answers any role, an unnamed key by its derived name, and 401 without a key', async () => {
    const res = await svc.call('GET', '/v1/me', { key: 'metrics' });
    expect(await res.json()).toEqual({ name: expect.stringMatching(/^key_[0-9a-f]{12}$/), roles: ['metrics'] });
    await expectProblem(await svc.call('GET', '/v1/me', { key: null }), 401);
  });
});

describe('decisions record the key’s name', () => {
  it.each([
    ['alice', ALICE],
    ['bob', BOB_NEW],
  ])('a decision by %s says so in the review and in the trace', async (name, key) => {
    const held = await composeHeld(svc);
    const res = await as(key, `/v1/reviews/${held.review.id}/decision`, {
      method: 'POST',
      body: JSON.stringify({ decision: 'reject', note: 'not for this patient' }),
    });
    expect(res.status).toBe(200);
    const { review } = (await res.json()) as Decided;
    expect(review.decidedBy).toBe(name);
    const trace = await getTrace(svc, held.traceId);
    expect(trace.steps.find((s) => s.node === 'human_review')?.output).toMatchObject({ by: name });
  });

  it('a safety key alone may not decide a review', async () => {
    const held = await composeHeld(svc);
    const res = await as(PV, `/v1/reviews/${held.review.id}/decision`, {
      method: 'POST',
      body: JSON.stringify({ decision: 'approve' }),
    });
    await expectProblem(res, 403);
  });
});
