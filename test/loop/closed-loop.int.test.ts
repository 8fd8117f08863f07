import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../src/loop/webhook-signature.js';
import { startTestService, type TestService } from '../support/service.js';
import { startReceiver } from '../support/webhook-receiver.js';

const PROGRAM = 'lumenzo-adherence';
const SUBJECT = 'pt-loop-0001';
const now = () => new Date().toISOString();
let svc: TestService;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let secret: string;

// biome-ignore lint/suspicious/noExplicitAny: the answers are read loosely, field by field
const json = async (r: Response) => ({ status: r.status, body: (await r.json()) as Record<string, any> });

beforeAll(async () => {
  svc = await startTestService({ NOF1_JOBS: '0', NOF1_WEBHOOK_ALLOW_LOCALHOST: '1' });
  receiver = await startReceiver();
  const settings = await json(
    await svc.call('PUT', `/v1/programs/${PROGRAM}/settings`, {
      key: 'strategist',
      body: { outcomes: { targets: ['refill_filled'], window: 'P7D' }, webhookUrl: receiver.url },
    }),
  );
  expect(settings.status).toBe(200);
  secret = settings.body.webhookSecret;
  const triggers = await svc.call('PUT', `/v1/programs/${PROGRAM}/triggers`, {
    key: 'strategist',
    body: {
      triggers: [{ id: 'refill-late', on: 'refill_missed', where: { 'data.daysLate': { gte: 3 } }, delay: 'PT0S' }],
    },
  });
  expect(triggers.status).toBe(200);
  const subject = await svc.call('PUT', `/v1/subjects/${SUBJECT}`, {
    key: 'client',
    body: { audience: 'patient', consents: { sms: true }, timezone: 'UTC' },
  });
  expect(subject.status).toBe(200);
});
afterAll(async () => {
  await svc?.close();
  await receiver?.close();
});

describe('the closed loop over HTTP', () => {
  let runId: string;

  it('takes a batch of events: accepted, duplicates and per-event rejections', async () => {
    const events = [
      {
        id: 'e-1',
        subject: { id: SUBJECT },
        program: PROGRAM,
        type: 'refill_missed',
        at: now(),
        data: { daysLate: 9 },
      },
      {
        id: 'e-2',
        subject: { id: SUBJECT },
        program: PROGRAM,
        type: 'survey_response',
        at: now(),
        data: { question: 'What got in the way?', answer: 'the copay went up and I cant afford it' },
      },
      {
        id: 'e-1',
        subject: { id: SUBJECT },
        program: PROGRAM,
        type: 'refill_missed',
        at: now(),
        data: { daysLate: 9 },
      },
      { id: 'bad', subject: { id: SUBJECT }, program: PROGRAM, type: 'Refill Missed', at: 'yesterday' },
    ];
    const r = await json(await svc.call('POST', '/v1/events', { key: 'client', body: { events } }));
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ accepted: 2, duplicates: 1, scheduled: 1 });
    expect(r.body.rejected.map((x: { index: number }) => x.index)).toEqual([3]);
    const again = await json(
      await svc.call('POST', '/v1/events', { key: 'client', body: { events: events.slice(0, 2) } }),
    );
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 2, scheduled: 0 });
  });

  it('says how to name the subject of an event that names it both ways, or neither', async () => {
    const event = (subject: unknown) => ({ id: 'e-who', subject, program: PROGRAM, type: 'refill_filled', at: now() });
    const body = { events: [event({ id: SUBJECT, anonymousId: 'v-1' }), event({})] };
    const r = await json(await svc.call('POST', '/v1/events', { key: 'client', body }));
    expect(r.body.rejected).toEqual(
      [0, 1].map((index) => ({
        index,
        errors: [{ path: 'subject', message: expect.stringMatching(/either \{"id": "\.\.\."\} or \{"anonymousId"/) }],
      })),
    );
  });

  it('runs the triggered compose, puts the message in the outbox and posts it signed to the webhook', async () => {
    await svc.worker.runOnce();
    const outbox = await json(await svc.call('GET', `/v1/outbox?program=${PROGRAM}`, { key: 'client' }));
    expect(outbox.body.entries).toHaveLength(1);
    const entry = outbox.body.entries[0];
    expect(entry).toMatchObject({ subjectId: SUBJECT, triggerId: 'refill-late', eventId: 'e-1' });
    expect(entry.answer.status).toBe('approved');
    runId = entry.runId;
    expect(receiver.received).toHaveLength(1);
    const post = receiver.received[0]!;
    expect(verifySignature(post.headers['x-nof1-signature'] as string, post.body, secret)).toBe(true);
    expect(verifySignature(post.headers['x-nof1-signature'] as string, `${post.body} `, secret)).toBe(false);
    expect(JSON.parse(post.body)).toMatchObject({ runId, subjectId: SUBJECT, message: { id: runId } });
    const after = await json(
      await svc.call('GET', `/v1/outbox?program=${PROGRAM}&after=${entry.seq}`, { key: 'client' }),
    );
    expect(after.body.entries).toEqual([]);
    const mine = await json(await svc.call('GET', `/v1/subjects/${SUBJECT}/messages`, { key: 'client' }));
    expect(mine.body.messages.map((m: { id: string }) => m.id)).toContain(runId);
  });

  it('records delivery events on the message and attributes a target behaviour within the window', async () => {
    const events = [
      {
        id: 'd-1',
        subject: { id: SUBJECT },
        program: PROGRAM,
        type: 'message_delivered',
        at: now(),
        data: { messageId: runId },
      },
      { id: 'f-1', subject: { id: SUBJECT }, program: PROGRAM, type: 'refill_filled', at: now(), data: {} },
    ];
    expect((await svc.call('POST', '/v1/events', { key: 'client', body: { events } })).status).toBe(202);
    const message = await json(await svc.call('GET', `/v1/messages/${runId}`, { key: 'client' }));
    expect(message.body.outcome).toBe('achieved');
    expect(message.body.deliveryEvents.map((e: { type: string }) => e.type)).toEqual(['message_delivered']);
    const summary = await json(await svc.call('GET', `/v1/programs/${PROGRAM}/summary`, { key: 'strategist' }));
    expect(summary.body.totals).toMatchObject({ sent: 1, delivered: 1, achieved: 1, optedOut: 0 });
    expect(summary.body.byChannel).toEqual([expect.objectContaining({ channel: 'sms', sent: 1 })]);
    expect(summary.body.byBarrier[0].barrier).toBe(message.body.diagnosis.barrier);
  });

  it('withdraws the channel at once on a STOP reply, whatever a later request says', async () => {
    const stop = {
      id: 's-1',
      subject: { id: SUBJECT },
      program: PROGRAM,
      type: 'message_replied',
      at: now(),
      data: { text: 'STOP', channel: 'sms', messageId: runId },
    };
    expect((await svc.call('POST', '/v1/events', { key: 'client', body: { events: [stop] } })).status).toBe(202);
    const subject = await json(await svc.call('GET', `/v1/subjects/${SUBJECT}`, { key: 'client' }));
    expect(subject.body.consents.sms).toBe(false);
    expect(Object.keys(subject.body.withdrawn)).toEqual(['sms']);
    const composed = await json(
      await svc.call('POST', '/v1/compose', {
        key: 'client',
        body: {
          subject: { id: SUBJECT, consents: { sms: true } },
          program: PROGRAM,
          channel: 'sms',
          signals: [{ type: 'survey_response', data: { question: 'Why?', answer: 'the copay is too expensive' } }],
        },
      }),
    );
    expect(composed.body.status).toBe('blocked');
    expect(composed.body.compliance.checks.find((c: { rule: string }) => c.rule === 'consent').passed).toBe(false);
    const summary = await json(await svc.call('GET', `/v1/programs/${PROGRAM}/summary`, { key: 'strategist' }));
    expect(summary.body.totals.optedOut).toBe(1);
  });

  it('fills omitted subject fields from the store, and says which one is missing when neither has it', async () => {
    const missing = await svc.call('POST', '/v1/compose', {
      key: 'client',
      body: { subject: { id: 'pt-nobody-stored' }, program: PROGRAM, signals: [] },
    });
    expect(missing.status).toBe(400);
    const problem = (await missing.json()) as { errors: Array<{ path: string }> };
    expect(problem.errors.map((e) => e.path)).toEqual(['subject.audience']);
  });

  // Last: the programme-wide counts the tests above read would include this message.
  it('answers a composed message’s outcome at once, from the events already in, before the worker runs', async () => {
    const subject = { id: 'pt-loop-at-once', audience: 'patient', consents: { sms: true } };
    const signals = [{ type: 'survey_response', data: { answer: 'the copay is too expensive' } }];
    const sent = await json(
      await svc.call('POST', '/v1/compose', {
        key: 'client',
        body: { subject, program: PROGRAM, channel: 'sms', signals },
      }),
    );
    expect(sent.body.status).toBe('approved');
    const read = async () =>
      (await json(await svc.call('GET', `/v1/messages/${sent.body.id}`, { key: 'client' }))).body;
    expect(await read()).toMatchObject({ outcome: 'pending', outcomeDetail: { targets: ['refill_filled'] } });
    const later = new Date(Date.now() + 60_000).toISOString();
    const filled = { id: 'f-at-once', subject: { id: subject.id }, program: PROGRAM, type: 'refill_filled', at: later };
    await svc.call('POST', '/v1/events', { key: 'client', body: { events: [filled] } });
    expect(await read()).toMatchObject({ outcome: 'achieved', outcomeDetail: { achievedAt: later } });
  });
});
