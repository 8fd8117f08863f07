import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposeAnswer } from '../../src/domain/compose.js';
import { block, uniqueProgram } from '../support/blocks.js';
import {
  allPages,
  compose,
  composeHeld,
  type Decided,
  getJson,
  getTrace,
  REQUESTS,
  type Review,
  subjectId,
} from '../support/compose-requests.js';
import { expectProblem } from '../support/problem.js';
import { KEYS, startTestService, type TestService } from '../support/service.js';
import { leaksIn } from '../support/store-search.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(() => svc?.close());

const decide = (id: string, body: unknown, key: 'reviewer' | 'admin' | 'client' = 'reviewer') =>
  svc.call('POST', `/v1/reviews/${id}/decision`, { key, body });
const pending = async () => (await allPages<Review>(svc, '/v1/reviews?status=pending&limit=200', 'reviews')).rows;

describe('the review queue', () => {
  it('lists a held run with its diagnosis, strategy, proposed message, checks and reason', async () => {
    const low = await composeHeld(svc);
    const crisis = await compose(svc, REQUESTS.crisis(subjectId('crisis')), 'needs_review');
    const queue = await pending();
    const lowReview = queue.find((r) => r.id === low.review.id);
    expect(lowReview).toMatchObject({
      runId: low.id,
      status: 'pending',
      reason: expect.stringMatching(/^low_confidence/),
      decision: null,
      note: null,
      decidedBy: null,
      decidedAt: null,
      diagnosis: low.diagnosis,
      strategy: low.strategy,
      message: low.message,
      traceId: low.traceId,
    });
    expect(lowReview!.diagnosis!.confidence).toBeLessThan(0.5);
    expect(lowReview!.strategy!.techniques.length).toBeGreaterThan(0);
    expect(lowReview!.message!.body.length).toBeGreaterThan(0);
    expect(lowReview!.checks.map((c) => c.rule)).toEqual(expect.arrayContaining(['consent', 'frequency', 'pii']));
    expect(queue.find((r) => r.id === crisis.review!.id)?.reason).toMatch(/^crisis: signals \[0\]/);
    expect(await getJson<Review>(svc, `/v1/reviews/${low.review.id}`)).toEqual(lowReview);
    expect((await getJson<ComposeAnswer>(svc, `/v1/messages/${low.id}`, 'client')).status).toBe('needs_review');
  });

  it('holds a run whose barrier no approved block addresses, with the reason content_gap', async () => {
    const program = uniqueProgram('gap');
    const greeting = block({ program, kind: 'greeting', channels: ['sms'], tags: { barriers: [], bcts: [] } });
    greeting.text = 'Hi from the Testra Support Program.';
    const imported = await svc.call('POST', '/v1/content/import', { key: 'strategist', body: { blocks: [greeting] } });
    expect(await imported.json()).toMatchObject({ imported: 1 });
    const held = await compose(svc, { ...REQUESTS.cost(subjectId('gap')), program }, 'needs_review');
    expect(held.review?.reason).toMatch(/^content_gap: no usable en-US block for cost on /);
    const review = (await pending()).find((r) => r.id === held.review!.id);
    expect(review).toMatchObject({ runId: held.id, reason: held.review!.reason, diagnosis: { barrier: 'cost' } });
    // Approving a hold with nothing to send cannot send anything: blocked, and the answer names the rule.
    const res = await decide(held.review!.id, { decision: 'approve' });
    expect(((await res.json()) as Decided).answer.status).toBe('blocked');
    const message = await getJson<ComposeAnswer>(svc, `/v1/messages/${held.id}`, 'client');
    expect(message).toMatchObject({ status: 'blocked', message: null, compliance: { verdict: 'fail' } });
    expect(message.compliance.checks.filter((c) => !c.passed)).toEqual([
      expect.objectContaining({ rule: 'approved_content', detail: expect.stringMatching(/^nothing to send/) }),
    ]);
  });

  it('pages through the queue with a cursor: safety holds, then newest first, no duplicates, nothing missed', async () => {
    const held: string[] = [];
    for (let i = 0; i < 5; i++) held.push((await composeHeld(svc)).review.id);
    const { rows, pages } = await allPages<Review>(svc, '/v1/reviews?status=pending&limit=2', 'reviews');
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(held));
    expect(pages).toBe(Math.ceil(rows.length / 2));
    // Safety holds lead the queue (test/routes/review-queue.int.test.ts); the rest read newest first.
    const safety = (r: Review) =>
      /^(crisis|safety_escalation|adverse_event|product_complaint|medical_information)\b/.test(r.reason);
    const firstOrdinary = rows.findIndex((r) => !safety(r));
    expect(rows.slice(firstOrdinary).some(safety)).toBe(false);
    const times = rows.slice(firstOrdinary).map((r) => Date.parse(r.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // the five were held in order, so they read newest first
    expect(ids.filter((id) => held.includes(id))).toEqual([...held].reverse());
    await expectProblem(await svc.call('GET', '/v1/reviews?cursor=not-a-cursor', { key: 'reviewer' }), 400);
  });
});

describe('a decision', () => {
  const NOTE_PII = ['617-555-0199', 'ilse.brandauer@example.org', '534-12-9087'];
  const note = `Approved. Patient asked for a callback at 617-555-0199 or ilse.brandauer@example.org, SSN 534-12-9087 on file.`;

  it('approves: the run resumes to approved, records who and when, and keeps the note redacted', async () => {
    const held = await composeHeld(svc);
    const before = Date.now();
    const res = await decide(held.review.id, { decision: 'approve', note });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(leaksIn(text, NOTE_PII)).toEqual([]);
    const { review, answer } = JSON.parse(text) as Decided;
    expect(review).toMatchObject({ id: held.review.id, status: 'approved', decision: 'approve' });
    expect(review.decidedBy).toMatch(/^key_[0-9a-f]{6,}$/);
    expect(Object.values(KEYS).some((k) => review.decidedBy!.includes(k))).toBe(false);
    expect(Date.parse(review.decidedAt!)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(review.decidedAt!)).toBeLessThanOrEqual(Date.now() + 1000);
    expect(review.note).toContain('Approved. Patient asked for a callback');
    expect(review.note).toMatch(/\[PHONE\]/);

    expect(answer).toMatchObject({ id: held.id, status: 'approved', message: held.message });
    const message = await getJson<ComposeAnswer>(svc, `/v1/messages/${held.id}`, 'client');
    expect(message.status).toBe('approved');
    expect(message.message).toEqual(held.message);
    expect(message.compliance.checks.find((c) => c.rule === 'review')).toMatchObject({ passed: true });
    expect(message.compliance.verdict).toBe('pass');

    const stored = await getJson<Review>(svc, `/v1/reviews/${held.review.id}`);
    expect(stored).toMatchObject({ status: 'approved', decidedBy: review.decidedBy, decidedAt: review.decidedAt });
    expect((await pending()).some((r) => r.id === held.review.id)).toBe(false);
    const decided = await allPages<Review>(svc, '/v1/reviews?status=decided&limit=200', 'reviews');
    expect(decided.rows.some((r) => r.id === held.review.id)).toBe(true);

    const trace = await getTrace(svc, held.traceId);
    const review_step = trace.steps.find((s) => s.node === 'human_review');
    expect(review_step?.output).toMatchObject({ decision: 'approve', by: review.decidedBy });
    expect(leaksIn(JSON.stringify(trace), NOTE_PII)).toEqual([]);
    expect(leaksIn(JSON.stringify(svc.logs), [...NOTE_PII, ...Object.values(KEYS)])).toEqual([]);
  });

  it('rejects: the run reads blocked with the rule review failed and no message', async () => {
    const held = await composeHeld(svc);
    const res = await decide(held.review.id, { decision: 'reject', note: 'Not the right moment for this patient.' });
    expect(res.status).toBe(200);
    const { review, answer } = (await res.json()) as Decided;
    expect(review).toMatchObject({
      status: 'rejected',
      decision: 'reject',
      note: 'Not the right moment for this patient.',
    });
    expect(answer.status).toBe('blocked');
    const message = await getJson<ComposeAnswer>(svc, `/v1/messages/${held.id}`, 'client');
    expect(message).toMatchObject({ status: 'blocked', message: null, compliance: { verdict: 'fail' } });
    expect(message.compliance.checks.filter((c) => !c.passed)).toEqual([
      expect.objectContaining({ rule: 'review', passed: false }),
    ]);
  });

  it('answers 409 problem+json to a second decision, either way, and changes nothing', async () => {
    const held = await composeHeld(svc);
    expect((await decide(held.review.id, { decision: 'reject' })).status).toBe(200);
    for (const decision of ['approve', 'reject']) {
      const again = await expectProblem(await decide(held.review.id, { decision }, 'admin'), 409);
      expect(again.detail).toMatch(/rejected/);
    }
    expect((await getJson<ComposeAnswer>(svc, `/v1/messages/${held.id}`, 'client')).status).toBe('blocked');
  });

  it('lets exactly one of two simultaneous decisions win', async () => {
    const held = await composeHeld(svc);
    const both = await Promise.all([
      decide(held.review.id, { decision: 'approve' }),
      decide(held.review.id, { decision: 'reject' }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = (await both.find((r) => r.status === 200)!.json()) as Decided;
    const now = await getJson<ComposeAnswer>(svc, `/v1/messages/${held.id}`, 'client');
    expect(now.status).toBe(winner.answer.status);
  });

  it('answers 404 to an unknown review', async () => {
    await expectProblem(await decide('rev_000000000000000000000000', { decision: 'approve' }), 404);
    await expectProblem(await svc.call('GET', '/v1/reviews/rev_nope', { key: 'reviewer' }), 404);
  });

  it.each([
    ['no decision', { note: 'ok' }, 'decision'],
    ['an unknown decision', { decision: 'maybe' }, 'decision'],
    ['a note that is not text', { decision: 'approve', note: 42 }, 'note'],
    ['a note over 2000 characters', { decision: 'approve', note: 'x'.repeat(2001) }, 'note'],
    ['an unknown field', { decision: 'approve', by: 'someone-else' }, ''],
  ])('answers 400 with field errors to %s, leaving the review pending', async (_name, body, path) => {
    const held = await composeHeld(svc);
    const problem = await expectProblem(await decide(held.review.id, body), 400);
    expect(problem.errors?.length).toBeGreaterThan(0);
    if (path) expect(problem.errors!.map((e) => e.path)).toContain(path);
    expect((await getJson<Review>(svc, `/v1/reviews/${held.review.id}`)).status).toBe('pending');
  });

  it('answers 400 to a malformed or missing body', async () => {
    const held = await composeHeld(svc);
    await expectProblem(await decide(held.review.id, '{"decision": "appr'), 400);
    await expectProblem(await svc.call('POST', `/v1/reviews/${held.review.id}/decision`, { key: 'reviewer' }), 400);
    expect((await getJson<Review>(svc, `/v1/reviews/${held.review.id}`)).status).toBe('pending');
  });
});

describe('roles', () => {
  it.each(['client', 'strategist'] as const)('answers 403 to a %s key on every review route', async (key) => {
    const held = await composeHeld(svc);
    await expectProblem(await svc.call('GET', '/v1/reviews?status=pending', { key }), 403);
    await expectProblem(await svc.call('GET', `/v1/reviews/${held.review.id}`, { key }), 403);
    const body = { decision: 'approve' };
    await expectProblem(await svc.call('POST', `/v1/reviews/${held.review.id}/decision`, { key, body }), 403);
    await expectProblem(await svc.call('POST', `/v1/reviews/${held.review.id}/decision`, { key: null, body }), 401);
    expect((await getJson<Review>(svc, `/v1/reviews/${held.review.id}`)).status).toBe('pending');
  });

  it('lets an admin decide, recorded under a different key name than a reviewer', async () => {
    const [a, b] = [await composeHeld(svc), await composeHeld(svc)];
    const byAdmin = (await (await decide(a.review.id, { decision: 'approve' }, 'admin')).json()) as Decided;
    const byReviewer = (await (await decide(b.review.id, { decision: 'approve' }, 'reviewer')).json()) as Decided;
    expect(byAdmin.review.status).toBe('approved');
    expect(byAdmin.review.decidedBy).toMatch(/^key_/);
    expect(byAdmin.review.decidedBy).not.toBe(byReviewer.review.decidedBy);
  });
});
