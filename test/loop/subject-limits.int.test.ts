import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drain, expectOk, LOOP_PROGRAM, refillEvents, setUpLoop } from '../support/loop-setup.js';
import { startTestService, type TestService } from '../support/service.js';

let svc: TestService;
type Row = Record<string, unknown>;
const q = async (sql: string, params: unknown[] = []) => (await svc.pool.query<Row>(sql, params)).rows;
const send = (events: unknown[]) => expectOk(svc.call('POST', '/v1/events', { key: 'client', body: { events } }), 202);
const putSubject = (id: string, body: Record<string, unknown>) =>
  expectOk(svc.call('PUT', `/v1/subjects/${id}`, { key: 'client', body: { audience: 'patient', ...body } }));
const lastRun = async (subject: string) =>
  (await q('SELECT answer FROM runs WHERE subject_id = $1 ORDER BY created_at DESC LIMIT 1', [subject]))[0]?.answer as {
    status: string;
    compliance: { checks: Array<{ rule: string; passed: boolean; detail: string }> };
    message: { blocks: Array<{ id: string }> } | null;
  };

beforeAll(async () => {
  svc = await startTestService({ NOF1_JOBS: '0' });
  await setUpLoop(svc, { subjects: ['pt-pause', 'pt-choice', 'pt-erase'] });
});
afterAll(() => svc?.close());

describe('the subject’s own preferences in triggered runs', () => {
  it('schedules a triggered run out of the subject’s quiet hours, on their own clock', async () => {
    const zone = 'Asia/Tokyo';
    const local = DateTime.now().setZone(zone);
    const quietHours = {
      start: local.minus({ hours: 1 }).toFormat('HH:00'),
      end: local.plus({ hours: 2 }).toFormat('HH:00'),
    };
    await putSubject('pt-quiet', { consents: { sms: true }, timezone: zone, preferences: { quietHours } });
    await send(refillEvents(['pt-quiet'], 'q'));
    const [job] = await q(`SELECT run_at FROM jobs WHERE subject_id = 'pt-quiet'`);
    const runAt = DateTime.fromJSDate(job!.run_at as Date).setZone(zone);
    expect(runAt.toFormat('HH:mm')).toBe(quietHours.end);
    expect(runAt > local).toBe(true);
    await svc.worker.runOnce();
    expect(await q(`SELECT 1 FROM runs WHERE subject_id = 'pt-quiet'`)).toEqual([]);
  });

  it('blocks a triggered run while the subject has paused messages, naming the preferences rule', async () => {
    await putSubject('pt-pause', { consents: { sms: true }, preferences: { pausedUntil: '2099-01-01T00:00:00Z' } });
    await send(refillEvents(['pt-pause'], 'p'));
    await drain(svc);
    const run = await lastRun('pt-pause');
    expect(run.status).toBe('blocked');
    expect(run.compliance.checks.find((c) => c.rule === 'preferences')).toMatchObject({ passed: false });
  });

  it('after an informed choice says so once, kindly, with the approved block alone, then stays silent', async () => {
    await send(refillEvents(['pt-choice'], 'c1'));
    await drain(svc);
    expect((await lastRun('pt-choice')).status).toBe('approved');
    await svc.worker.runOnce(); // outcomes: the message is recorded, so the programme knows it wrote to them
    await putSubject('pt-choice', {
      consents: { sms: true },
      preferences: { informedChoice: 'I decided with Dr Alvarez to stop, call me at 312-555-0187' },
    });
    const stored = await expectOk(svc.call('GET', '/v1/subjects/pt-choice', { key: 'client' }));
    expect(JSON.stringify(stored)).not.toContain('312-555-0187');
    await drain(svc);
    const ack = await lastRun('pt-choice');
    expect(ack.status).toBe('approved');
    expect(ack.message!.blocks.map((b) => b.id)).toContain('LZ-CHOICE-SMS');
    expect(ack.message!.blocks.every((b) => ['LZ-CHOICE-SMS', 'LZ-GREET-SMS'].includes(b.id))).toBe(true);
    await send(refillEvents(['pt-choice'], 'c2'));
    await drain(svc);
    const after = await lastRun('pt-choice');
    expect(after.status).toBe('blocked');
    expect(after.compliance.checks.find((c) => c.rule === 'preferences')!.detail).toContain('informed choice');
  });
});

describe('PUT /v1/subjects/{id} without an audience', () => {
  it('stores the profile; a compose then brings the audience, and one without it is a 400 naming the field', async () => {
    const put = await svc.call('PUT', '/v1/subjects/pt-no-audience', {
      key: 'client',
      body: { consents: { sms: true } },
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ id: 'pt-no-audience', audience: null, consents: { sms: true } });
    const compose = (subject: Record<string, unknown>) =>
      svc.call('POST', '/v1/compose', {
        key: 'client',
        body: { subject: { id: 'pt-no-audience', ...subject }, program: LOOP_PROGRAM, channel: 'sms', signals: [] },
      });
    expect((await compose({ audience: 'patient' })).status).toBe(200);
    const missing = await compose({});
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { errors: Array<{ path: string }> }).errors[0]?.path).toBe('subject.audience');
  });
});

describe('privacy in the loop', () => {
  it('stores event free text redacted, and keeps nothing of an anonymous visitor but counts', async () => {
    await expectOk(
      svc.call('PUT', `/v1/programs/${LOOP_PROGRAM}/triggers`, {
        key: 'strategist',
        body: { triggers: [{ id: 'cost-page', on: 'page_view', where: { 'data.topic': 'savings' }, channel: 'auto' }] },
      }),
    );
    await send([
      {
        id: 'chat-1',
        subject: { id: 'pt-erase' },
        program: LOOP_PROGRAM,
        type: 'chat_message',
        at: new Date().toISOString(),
        data: { text: 'my number is 312-555-0187 and my email is rosa.delgado@example.org' },
      },
      {
        id: 'anon-1',
        subject: { anonymousId: 'visitor-7f3a' },
        program: LOOP_PROGRAM,
        type: 'page_view',
        at: new Date().toISOString(),
        data: { topic: 'savings' },
      },
    ]);
    const stored = JSON.stringify(await q(`SELECT * FROM events WHERE client_id IN ('chat-1', 'anon-1')`));
    expect(stored).not.toContain('312-555-0187');
    expect(stored).not.toContain('rosa.delgado@example.org');
    expect(stored).not.toContain('visitor-7f3a');
    await drain(svc);
    // One page view is thin evidence: the run waits for a reviewer, and reaches the outbox once approved.
    const [held] = await q(`SELECT answer FROM runs WHERE subject_id LIKE 'anon:%'`);
    const review = (held!.answer as { review: { id: string } }).review;
    await expectOk(
      svc.call('POST', `/v1/reviews/${review.id}/decision`, { key: 'reviewer', body: { decision: 'approve' } }),
    );
    await drain(svc);
    const outbox = await expectOk(svc.call('GET', `/v1/outbox?program=${LOOP_PROGRAM}`, { key: 'client' }));
    const visitor = (
      outbox.entries as Array<{ anonymousId: string | null; answer: { message: { channel: string } } }>
    ).find((e) => e.anonymousId === 'visitor-7f3a');
    expect(visitor?.answer.message.channel).toBe('web');
    const runs = await q(`SELECT subject_id FROM runs WHERE subject_id LIKE 'anon:%'`);
    expect(runs).toHaveLength(1);
    expect(JSON.stringify(await q(`SELECT * FROM message_outcomes`))).not.toContain('anon:');
  });

  it('erases the subject’s profile, timeline, waiting runs and outbox link in one call', async () => {
    await putSubject('pt-erase', { consents: { sms: true }, timezone: 'UTC' });
    await expectOk(
      svc.call('PUT', `/v1/programs/${LOOP_PROGRAM}/triggers`, {
        key: 'strategist',
        body: { triggers: [{ id: 'later', on: 'refill_missed', delay: 'P2D' }] },
      }),
    );
    await send(refillEvents(['pt-erase'], 'e'));
    // A second miss while the first run still waits joins it (the run reads the whole timeline) rather than add one.
    const again = await send([{ ...refillEvents(['pt-erase'], 'e2')[1]!, data: { daysLate: 12 } }]);
    expect(again).toMatchObject({ accepted: 1, scheduled: 0 });
    const erased = await expectOk(svc.call('DELETE', '/v1/subjects/pt-erase'));
    expect(erased).toMatchObject({ erased: true, profile: true, events: 4, scheduledRunsCancelled: 1 });
    expect((await svc.call('GET', '/v1/subjects/pt-erase', { key: 'client' })).status).toBe(404);
    for (const table of ['events', 'jobs', 'outbox', 'message_outcomes', 'subjects']) {
      const col = table === 'subjects' ? 'id' : 'subject_id';
      expect(await q(`SELECT 1 FROM ${table} WHERE ${col} = 'pt-erase'`)).toEqual([]);
    }
    expect(await expectOk(svc.call('DELETE', '/v1/subjects/pt-erase'))).toMatchObject({ profile: false, events: 0 });
  });
});
