import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPages, composeHeld, REQUESTS, subjectId } from '../support/compose-requests.js';
import { expectProblem } from '../support/problem.js';
import { startTestService, type TestService } from '../support/service.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(() => svc?.close());

// Four runs in one millisecond (Postgres keeps microseconds), and one a millisecond later.
const TIMES = [
  '2026-03-01 12:00:00.123401+00',
  '2026-03-01 12:00:00.123402+00',
  '2026-03-01 12:00:00.123402+00',
  '2026-03-01 12:00:00.123409+00',
  '2026-03-01 12:00:00.124000+00',
];

/** Copies of one held run (and its review) at the given times, for a subject of their own. */
async function runsAt(times: string[]) {
  const held = await composeHeld(svc);
  const subject = `paging-${randomUUID().slice(0, 8)}`;
  const ids: Array<{ run: string; review: string; at: string }> = [];
  for (const [i, at] of times.entries()) {
    const suffix = `${randomUUID().replace(/-/g, '').slice(0, 20)}${i}`;
    const run = `msg_${suffix}`;
    await svc.pool.query(
      `INSERT INTO runs (id, trace_id, subject_id, program, channel, status, answer, created_at)
       SELECT $2, $3, $4, program, channel, status, answer, $5::timestamptz FROM runs WHERE id = $1`,
      [held.id, run, `trc_${suffix}`, subject, at],
    );
    await svc.pool.query(
      "INSERT INTO reviews (id, run_id, reason, status, created_at) VALUES ($1, $2, 'paging', 'pending', $3::timestamptz)",
      [`rev_${suffix}`, run, at],
    );
    ids.push({ run, review: `rev_${suffix}`, at });
  }
  // Newest first, ties by id descending: the order both listings promise.
  const order = [...ids].sort((a, b) => (a.at === b.at ? (a.run < b.run ? 1 : -1) : a.at < b.at ? 1 : -1));
  return { subject, order };
}

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('keyset paging keeps every row whatever its microseconds', () => {
  it.each([1, 2, 3])('GET /v1/traces with limit=%i pages through runs that share a millisecond', async (limit) => {
    const { subject, order } = await runsAt(TIMES);
    const { rows } = await allPages<{ runId: string }>(svc, `/v1/traces?subject=${subject}&limit=${limit}`, 'traces');
    expect(rows.map((r) => r.runId)).toEqual(order.map((o) => o.run));
  });

  it.each([1, 2])('GET /v1/reviews with limit=%i pages through reviews that share a millisecond', async (limit) => {
    const { order } = await runsAt(TIMES);
    const mine = new Set(order.map((o) => o.review));
    const { rows } = await allPages<{ id: string }>(svc, `/v1/reviews?status=all&limit=${limit}`, 'reviews');
    expect(rows.map((r) => r.id).filter((id) => mine.has(id))).toEqual(order.map((o) => o.review));
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });
});

describe('paging while runs are written concurrently', () => {
  it('lists each of 30 concurrently composed runs exactly once, page after page', async () => {
    const from = new Date(Date.now() - 1000).toISOString();
    const answers = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const res = await svc.call('POST', '/v1/compose', {
          key: 'client',
          body: REQUESTS.cost(subjectId(`page-${i}`)),
        });
        return (await res.json()) as { id: string };
      }),
    );
    const { rows } = await allPages<{ runId: string }>(svc, `/v1/traces?from=${from}&limit=2`, 'traces');
    const mine = new Set(answers.map((a) => a.id));
    const seen = rows.map((r) => r.runId).filter((id) => mine.has(id));
    expect(seen.sort()).toEqual([...mine].sort());
  });
});

describe('a cursor the service did not hand out is a 400 problem, never a 500', () => {
  const crafted: Array<[string, string]> = [
    ['an impossible date', cursorOf(['2026-02-30', 'x'])],
    ['a date with a time zone far out', cursorOf(['+275760-09-13T00:00:00.000Z', 'x'])],
    ['a number where the time goes', cursorOf([1, 'x'])],
    ['a time past any timestamp', cursorOf(['99999999999999999999', 'x'])],
    ['a negative time', cursorOf(['-5', 'x'])],
    ['an id with a NUL byte', cursorOf(['1772366400123401', 'a\u0000b'])],
    ['an id with a lone surrogate', cursorOf(['1772366400123401', 'a\ud800b'])],
    ['three parts', cursorOf(['1772366400123401', 'x', 'y'])],
    ['an object', cursorOf({ at: '1772366400123401', id: 'x' })],
    ['not base64', '%%%'],
    ['not JSON', Buffer.from('nope').toString('base64url')],
  ];
  it.each(crafted)('/v1/traces: %s', async (_why, cursor) => {
    const res = await svc.call('GET', `/v1/traces?cursor=${encodeURIComponent(cursor)}`, { key: 'reviewer' });
    const problem = await expectProblem(res, 400);
    expect(problem.errors?.[0]?.path).toBe('cursor');
  });
  it.each(crafted)('/v1/reviews: %s', async (_why, cursor) => {
    const res = await svc.call('GET', `/v1/reviews?cursor=${encodeURIComponent(cursor)}`, { key: 'reviewer' });
    await expectProblem(res, 400);
  });
});

describe('the contract’s query templates, with the filters a client does not use left blank', () => {
  it.each([
    ['/v1/content/blocks?program=lumenzo-adherence&q=&limit=', 'strategist', 'blocks'],
    ['/v1/safety/cases?status=&kind=&runId=&cursor=', 'safety', 'cases'],
    ['/v1/outbox?program=&after=', 'client', 'entries'],
    ['/v1/reviews?status=&cursor=', 'reviewer', 'reviews'],
  ] as const)('GET %s answers 200, a blank value read as not given', async (path, key, list) => {
    const res = await svc.call('GET', path, { key });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Array.isArray(body[list])).toBe(true);
  });

  it('still refuses a filter given a value it does not know', async () => {
    await expectProblem(await svc.call('GET', '/v1/safety/cases?status=&kind=sideways', { key: 'safety' }), 400);
  });
});
