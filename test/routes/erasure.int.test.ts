import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposeAnswer } from '../../src/domain/compose.js';
import {
  allPages,
  compose,
  getJson,
  getTrace,
  REQUESTS,
  subjectId,
  type TraceSummary,
  verifyTrace,
} from '../support/compose-requests.js';
import { expectProblem } from '../support/problem.js';
import { startTestService, type TestService } from '../support/service.js';
import { findInStore, leaksIn } from '../support/store-search.js';

// The subject to erase, the personal values their requests carried, and the free text they wrote.
const SUBJECT = subjectId('erase-me');
const PERSON = { name: 'Wilhelmina Castellanos', phone: '(312) 555-0187', email: 'w.castellanos@example.net' };
const COST_TEXT = `The copay is too expensive for me, call me at ${PERSON.phone} about the savings card`;
const CHAT_TEXT = 'Honestly I want to end it all, nothing is working';
const FREE_TEXT = ['copay is too expensive', 'savings card', 'want to end it all', 'nothing is working'];
const IDENTIFYING = [SUBJECT, ...Object.values(PERSON)];

let svc: TestService;
let since: string;
const mine: ComposeAnswer[] = [];
let other: ComposeAnswer;
let held: ComposeAnswer;

beforeAll(async () => {
  svc = await startTestService();
  since = new Date(Date.now() - 1).toISOString();
  mine.push(await compose(svc, REQUESTS.cost(SUBJECT, COST_TEXT, PERSON), 'approved'));
  mine.push(await compose(svc, REQUESTS.cost(SUBJECT, COST_TEXT, PERSON), 'approved'));
  held = await compose(svc, REQUESTS.crisis(SUBJECT, CHAT_TEXT, PERSON), 'needs_review');
  mine.push(held);
  other = await compose(svc, REQUESTS.crisis(subjectId('keep-me'), CHAT_TEXT), 'needs_review');
});
afterAll(() => svc?.close());

const erase = (id: string, key: 'admin' | 'reviewer' | 'client' | 'strategist' = 'admin') =>
  svc.call('DELETE', `/v1/subjects/${encodeURIComponent(id)}`, { key });

describe('DELETE /v1/subjects/{id}', () => {
  it('is for admins only', async () => {
    for (const key of ['reviewer', 'client', 'strategist'] as const)
      await expectProblem(await erase(SUBJECT, key), 403);
    await expectProblem(await svc.call('DELETE', `/v1/subjects/${SUBJECT}`, { key: null }), 401);
    // nothing was erased by the refused calls
    const third = await compose(svc, REQUESTS.cost(SUBJECT, COST_TEXT, PERSON), 'approved');
    mine.push(third);
    const frequency = third.compliance.checks.find((c) => c.rule === 'frequency')!;
    expect(frequency.detail).toMatch(/^2 messages? sent/);
  });

  it('keeps the subject’s free text (redacted) beside the trace until erasure', async () => {
    const trace = await getTrace(svc, held.traceId);
    const personal = trace.steps.filter((s) => s.personalDigest);
    expect(personal.length).toBeGreaterThan(0);
    expect(JSON.stringify(personal.map((s) => s.personal))).toContain('want to end it all');
    expect(leaksIn(JSON.stringify(trace), IDENTIFYING)).toEqual([]);
    const where = (await findInStore(svc.pool, [SUBJECT])).map((h) => h.table);
    expect(where).toContain('runs');
    // the checkpoint of each run (bytea blobs) names the subject too, until erasure
    expect(where.some((t) => t.startsWith('checkpoint'))).toBe(true);
  });

  it('erases the subject: free text gone, chain intact, audit skeleton kept, held message withdrawn', async () => {
    const res = await erase(SUBJECT);
    expect(res.status).toBe(200);
    const counts = (await res.json()) as Record<string, unknown>;
    expect(counts).toMatchObject({ erased: true, runs: mine.length, reviewsWithdrawn: 1 });
    expect(counts.personalRecords).toBeGreaterThanOrEqual(mine.length);

    for (const run of mine) {
      const trace = await getTrace(svc, run.traceId);
      const withText = trace.steps.filter((s) => s.personalDigest);
      expect(withText.length).toBeGreaterThan(0);
      expect(withText.every((s) => s.personal === null)).toBe(true);
      const json = JSON.stringify(trace);
      expect(leaksIn(json, [...FREE_TEXT, ...IDENTIFYING])).toEqual([]);
      // the skeleton: nodes, times, rules, block ids
      expect(trace.steps.map((s) => s.node)).toContain('check_compliance');
      expect(trace.steps.every((s) => Date.parse(s.startedAt) > 0)).toBe(true);
      expect(trace.answer.compliance.checks.map((c) => c.rule)).toEqual(
        expect.arrayContaining(['consent', 'frequency', 'approved_content']),
      );
      // A crisis run's message is the crisis resource it proposed; any other run's is the composer's.
      const assembled = trace.steps.find((s) => s.node === 'assemble_message' || s.node === 'propose_resource')!;
      expect(assembled.output).toMatchObject({ blocks: run.message!.blocks });
      expect(await verifyTrace(svc, run.traceId)).toMatchObject({ intact: true, problems: [] });
    }

    const listed = (await allPages<TraceSummary>(svc, `/v1/traces?from=${since}&limit=3`, 'traces')).rows;
    for (const run of mine) {
      expect(listed.find((r) => r.runId === run.id)).toMatchObject({
        traceId: run.traceId,
        createdAt: expect.any(String),
        status: run.id === held.id ? 'blocked' : 'approved',
      });
    }
    expect(leaksIn(JSON.stringify(listed), IDENTIFYING)).toEqual([]);
  });

  it('withdraws the pending review: the message reads blocked and can no longer be decided', async () => {
    const review = await getJson<{ status: string }>(svc, `/v1/reviews/${held.review!.id}`);
    expect(review.status).toBe('withdrawn');
    const queue = (await allPages<{ id: string }>(svc, '/v1/reviews?status=pending', 'reviews')).rows;
    expect(queue.map((r) => r.id)).not.toContain(held.review!.id);
    expect(queue.map((r) => r.id)).toContain(other.review!.id);
    const message = await getJson<ComposeAnswer>(svc, `/v1/messages/${held.id}`, 'client');
    expect(message).toMatchObject({ status: 'blocked', message: null });
    expect(message.compliance.checks.find((c) => c.rule === 'review')).toMatchObject({ passed: false });
    const decide = await svc.call('POST', `/v1/reviews/${held.review!.id}/decision`, {
      key: 'reviewer',
      body: { decision: 'approve' },
    });
    await expectProblem(decide, 409);
  });

  it('leaves other subjects alone', async () => {
    const trace = await getTrace(svc, other.traceId);
    expect(JSON.stringify(trace.steps.map((s) => s.personal))).toContain('want to end it all');
    expect((await getJson<{ status: string }>(svc, `/v1/reviews/${other.review!.id}`)).status).toBe('pending');
  });

  it('leaves nothing identifying in the store, checkpoints included', async () => {
    expect(await findInStore(svc.pool, [...IDENTIFYING, 'copay is too expensive for me'])).toEqual([]);
    expect(leaksIn(JSON.stringify(svc.logs), IDENTIFYING)).toEqual([]);
  });

  it('erases nothing more when repeated', async () => {
    const again = await erase(SUBJECT);
    expect(await again.json()).toEqual({
      erased: true,
      runs: 0,
      personalRecords: 0,
      reviewsWithdrawn: 0,
      profile: false,
      events: 0,
      scheduledRunsCancelled: 0,
      deliveriesCancelled: 0,
      safetyCasesKept: 0,
      notice: expect.stringMatching(/^Safety cases are kept whole \(0 for this subject\)/),
    });
  });

  it('lets a later compose for the same subject start afresh', async () => {
    const fresh = await compose(svc, REQUESTS.cost(SUBJECT, COST_TEXT, PERSON), 'approved');
    expect(fresh.compliance.checks.find((c) => c.rule === 'frequency')!.detail).toMatch(/^0 messages sent/);
    const load = (await getTrace(svc, fresh.traceId)).steps.find((s) => s.node === 'load_context')!;
    expect(load.output).toMatchObject({ sentInWindow: 0, earlierMessages: 0 });
    const diagnose = (await getTrace(svc, fresh.traceId)).steps.find((s) => s.node === 'diagnose_barrier')!;
    expect(diagnose.input).toMatchObject({ earlierBarriers: 0 });
  });
});
