import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposeAnswer } from '../../src/domain/compose.js';
import { compose, composeBody, composeHeld, type Decided, REQUESTS, subjectId } from '../support/compose-requests.js';
import { startTestService, type TestService } from '../support/service.js';

// The demo programme's default pacing: at most 3 messages per subject in 7 days.
const CAP = 3;

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(() => svc?.close());

/** What the store counts as sent for the subject: the rows the frequency rule reads. */
async function sentCount(subject: string) {
  const r = await svc.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM runs WHERE subject_id = $1 AND sent_at IS NOT NULL',
    [subject],
  );
  return r.rows[0]!.n;
}

const frequencyFailed = (a: ComposeAnswer) =>
  a.compliance.checks.some((c) => c.rule === 'frequency' && !c.passed) && a.message === null;

const decide = async (reviewId: string) => {
  const res = await svc.call('POST', `/v1/reviews/${reviewId}/decision`, {
    key: 'reviewer',
    body: { decision: 'approve' },
  });
  return { status: res.status, body: (await res.json()) as Decided };
};

describe('the frequency cap under concurrency', () => {
  it('approves at most the cap of 30 concurrent composes for one subject; the rest are blocked on frequency', async () => {
    const subject = subjectId('cap-race');
    const answers = await Promise.all(Array.from({ length: 30 }, () => compose(svc, REQUESTS.cost(subject))));
    const approved = answers.filter((a) => a.status === 'approved');
    expect(approved).toHaveLength(CAP);
    for (const a of answers.filter((x) => x.status !== 'approved')) {
      expect(a.status).toBe('blocked');
      expect(frequencyFailed(a)).toBe(true);
    }
    expect(await sentCount(subject)).toBe(CAP);
    // What a client reads back agrees with what it was told.
    const reread = await Promise.all(
      answers.map(async (a) => (await svc.call('GET', `/v1/messages/${a.id}`, { key: 'client' })).json() as never),
    );
    expect(reread.map((a: ComposeAnswer) => a.status)).toEqual(answers.map((a) => a.status));
  });

  it("holds the subject's own weekly maximum across programmes under concurrent composes", async () => {
    const subject = subjectId('max-week-race');
    const preferences = { maxPerWeek: 1 };
    const adherence = REQUESTS.cost(subject, undefined, { preferences });
    // The same person in a trial programme: composes there run beside the adherence ones, not after them.
    const trial = composeBody(
      subject,
      [
        {
          type: 'survey_response',
          data: {
            question: 'What makes visits hard?',
            answer: 'the drive to the clinic is too far and I cannot take time off work',
          },
        },
      ],
      { extra: { preferences, audience: 'participant' } },
    );
    trial.program = 'halden-trial';
    const answers = await Promise.all(Array.from({ length: 16 }, (_, i) => compose(svc, i % 2 ? trial : adherence)));
    expect(answers.filter((a) => a.status === 'approved')).toHaveLength(1);
    const limited = answers.filter((a) => a.compliance.checks.some((c) => c.rule === 'preferences' && !c.passed));
    expect(limited.length).toBeGreaterThanOrEqual(14);
    for (const a of limited) expect(a.message).toBeNull();
    expect(await sentCount(subject)).toBe(1);
  });

  it('blocks, on frequency, held runs a reviewer approves once the cap is reached', async () => {
    const subject = subjectId('cap-held');
    const held = [];
    for (let i = 0; i < CAP; i++) held.push(await composeHeld(svc, subject));
    for (let i = 0; i < CAP; i++) await compose(svc, REQUESTS.cost(subject), 'approved');
    const decided = await Promise.all(held.map((h) => decide(h.review.id)));
    for (const d of decided) {
      expect(d.status).toBe(200);
      expect(d.body.answer.status).toBe('blocked');
      expect(frequencyFailed(d.body.answer)).toBe(true);
      expect(d.body.review.status).toBe('approved');
    }
    expect(await sentCount(subject)).toBe(CAP);
    const reread = await svc.call('GET', `/v1/messages/${held[0]!.id}`, { key: 'client' });
    expect(((await reread.json()) as ComposeAnswer).status).toBe('blocked');
  });

  it('sends at most the cap when many held runs of one subject are approved at once', async () => {
    const subject = subjectId('cap-approvals');
    const held = [];
    for (let i = 0; i < CAP + 4; i++) held.push(await composeHeld(svc, subject));
    const decided = await Promise.all(held.map((h) => decide(h.review.id)));
    expect(decided.every((d) => d.status === 200)).toBe(true);
    const statuses = decided.map((d) => d.body.answer.status);
    expect(statuses.filter((s) => s === 'approved')).toHaveLength(CAP);
    expect(statuses.filter((s) => s === 'blocked')).toHaveLength(4);
    expect(await sentCount(subject)).toBe(CAP);
  });

  it('lets exactly one of many concurrent decisions on one review through; the others get 409', async () => {
    const held = await composeHeld(svc);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        svc.call('POST', `/v1/reviews/${held.review.id}/decision`, {
          key: 'reviewer',
          body: { decision: i % 2 ? 'approve' : 'reject' },
        }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(11);
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });
});
