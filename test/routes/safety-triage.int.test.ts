import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposeAnswer } from '../../src/domain/compose.js';
import {
  type ComposeBody,
  compose,
  composeBody,
  getJson,
  getTrace,
  REQUESTS,
  subjectId,
} from '../support/compose-requests.js';
import { expectProblem } from '../support/problem.js';
import { startTestService, type TestService } from '../support/service.js';

type Case = {
  id: string;
  kind: string;
  status: string;
  runId: string;
  subjectRef: string;
  program: string;
  product: string | null;
  detectedAt: string;
  dueBy: string;
  overdue: boolean;
  narrative: string;
  history: Array<{ at: string; by: string; action: string; note: string | null }>;
};

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(() => svc?.close());

const HOUR = 3_600_000;
const chat = (id: string, text: string, extra?: Record<string, unknown>) =>
  composeBody(id, [{ type: 'chat_message', at: '2026-11-21T09:00:00Z', data: { text } }], { extra });
const casesOf = async (runId: string) =>
  (await getJson<{ cases: Case[] }>(svc, `/v1/safety/cases?runId=${runId}`, 'admin')).cases;
const safetyCall = (method: string, path: string, body?: unknown) =>
  svc.call(method, path, { key: 'safety', ...(body === undefined ? {} : { body }) });
const hoursBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / HOUR;

async function held(body: ComposeBody, code: string) {
  const answer = await compose(svc, body, 'needs_review');
  expect(answer.review?.reason).toMatch(new RegExp(`^${code}: signals \\[0\\]`));
  return answer;
}

describe('safety triage over HTTP', () => {
  it('holds a plain statement of not wanting to live as crisis, proposing only a crisis resource', async () => {
    const answer = await held(chat(subjectId('crisis'), "I don't want to live anymore"), 'crisis');
    expect(answer.diagnosis).toBeNull();
    expect(answer.message?.blocks.map((b) => b.id)).toEqual([expect.stringMatching(/^LZ-RES-988-/)]);
    expect(answer.message?.body).toMatch(/988/);
    expect(await casesOf(answer.id)).toEqual([]);
    const trace = await getTrace(svc, answer.traceId);
    const triage = trace.steps.find((s) => s.node === 'triage_safety')!;
    expect(triage.output).toMatchObject({ kinds: ['crisis'], findings: [{ kind: 'crisis', signalIndex: 0 }] });
    expect(JSON.stringify(trace.steps.map((s) => [s.input, s.output]))).not.toMatch(/want to live/);
    expect(trace.steps.map((s) => s.node)).not.toContain('diagnose_barrier');
  });

  it('reads free text wherever the client put it: a field of its own naming, a nested answer, a list', async () => {
    const at = '2026-11-21T09:00:00Z';
    const placed = [
      { type: 'chat_message', at, data: { body: 'I want to kill myself' } },
      { type: 'survey_response', at, data: { question: 'How are you?', answer: { text: 'I want to kill myself' } } },
      { type: 'survey_response', at, data: { answers: ['fine', 'I want to kill myself'] } },
      { type: 'chat_message', at, text: 'I want to kill myself' },
    ];
    for (const signal of placed) await held(composeBody(subjectId('crisis-placed'), [signal]), 'crisis');
  });

  it('lets a reviewer send the crisis resource, and never anything else', async () => {
    const answer = await held(chat(subjectId('crisis-ok'), 'I want to kill myself'), 'crisis');
    const res = await svc.call('POST', `/v1/reviews/${answer.review!.id}/decision`, {
      key: 'reviewer',
      body: { decision: 'approve' },
    });
    expect(res.status).toBe(200);
    const decided = (await res.json()) as { answer: ComposeAnswer };
    expect(decided.answer.status).toBe('approved');
    expect(decided.answer.message?.blocks.every((b) => /RES-988/.test(b.id))).toBe(true);
  });

  it('holds an allergic reaction after a dose as an adverse event and opens a case due in 24 h', async () => {
    const id = subjectId('ae');
    const answer = await held(
      chat(id, 'This is Maria Lopez, after my last Lumenzo dose I broke out in hives and my throat felt tight'),
      'adverse_event',
    );
    const [c, ...more] = await casesOf(answer.id);
    expect(more).toEqual([]);
    expect(c).toMatchObject({
      id: expect.stringMatching(/^sc_/),
      kind: 'adverse_event',
      status: 'open',
      runId: answer.id,
      subjectRef: id,
      program: 'lumenzo-adherence',
      product: 'Lumenzo',
      overdue: false,
      history: [{ action: 'opened', note: null }],
    });
    expect(hoursBetween(c!.detectedAt, c!.dueBy)).toBe(24);
    expect(c!.narrative).toMatch(/hives/);
    expect(c!.narrative).toMatch(/throat/);
    expect(c!.narrative).not.toMatch(/Maria|Lopez/);
    expect(await getJson<Case>(svc, `/v1/safety/cases/${c!.id}`, 'admin')).toMatchObject({ id: c!.id });
  });

  it('holds a caregiver’s report about their mother as an adverse event', async () => {
    const body = chat(
      subjectId('cg'),
      'My mother had an allergic reaction after her Lumenzo shot, her face swelled up',
    );
    body.subject.audience = 'caregiver';
    const answer = await held(body, 'adverse_event');
    expect((await casesOf(answer.id)).map((c) => c.kind)).toEqual(['adverse_event']);
  });

  it('opens a product complaint case for a warm, cloudy pen', async () => {
    const answer = await held(
      chat(subjectId('pc'), 'The pen arrived warm and the liquid looks cloudy'),
      'product_complaint',
    );
    const [c] = await casesOf(answer.id);
    expect(c).toMatchObject({ kind: 'product_complaint' });
    expect(hoursBetween(c!.detectedAt, c!.dueBy)).toBe(24);
  });

  it('opens a medical-information case due in 72 h for a question about a pregnancy to come', async () => {
    const answer = await held(
      chat(subjectId('mi'), 'Is Lumenzo safe to use if I want to get pregnant someday?'),
      'medical_information',
    );
    const [c] = await casesOf(answer.id);
    expect(c).toMatchObject({ kind: 'medical_information' });
    expect(hoursBetween(c!.detectedAt, c!.dueBy)).toBe(72);
  });

  it('holds a pregnancy on the product as an adverse event first, with the question beside it', async () => {
    // Pregnancy exposure is reported to pharmacovigilance (24 h); the question is medical information too.
    const answer = await held(
      chat(subjectId('preg'), "I just found out I'm pregnant and I've been on Lumenzo the whole time. Should I stop?"),
      'adverse_event',
    );
    expect(answer.review?.reason).toContain('medical_information');
    const cases = await casesOf(answer.id);
    const ae = cases.find((c) => c.kind === 'adverse_event');
    expect(hoursBetween(ae!.detectedAt, ae!.dueBy)).toBe(24);
  });

  it('lets a programme shorten the adverse-event report window, never lengthen it', async () => {
    const put = (body: unknown) => svc.call('PUT', '/v1/programs/lumenzo-hcp/settings', { key: 'strategist', body });
    await expectProblem(await put({ safetyReportHours: 48 }), 400);
    expect((await put({ safetyReportHours: 12 })).status).toBe(200);
    const body = {
      subject: { id: subjectId('hcp-ae'), audience: 'hcp', consents: { email: true } },
      program: 'lumenzo-hcp',
      channel: 'email',
      signals: [{ type: 'chat_message', data: { text: 'my patient broke out in hives after her Lumenzo dose' } }],
    };
    const answer = await compose(svc, body, 'needs_review');
    const [c] = await casesOf(answer.id);
    expect(hoursBetween(c!.detectedAt, c!.dueBy)).toBe(12);
  });

  it('does not treat worry about side effects or cost hyperbole as findings', async () => {
    const worry = await compose(svc, chat(subjectId('worry'), "I'm worried about side effects I read about online"));
    const cost = await compose(svc, REQUESTS.cost(subjectId('price'), 'This price is killing me, my copay is $300'));
    for (const a of [worry, cost]) {
      expect(a.review?.reason ?? '').not.toMatch(/^(crisis|adverse_event|product_complaint|medical_information)/);
      expect(await casesOf(a.id)).toEqual([]);
    }
    expect(cost.status).toBe('approved');
    expect(cost.message?.blocks.some((b) => /RES-988/.test(b.id))).toBe(false);
  });

  it('moves a case through acknowledge, report and close, refusing impossible moves with 409', async () => {
    const answer = await held(chat(subjectId('tr'), 'I got a bad rash after my injection'), 'adverse_event');
    const [c] = await casesOf(answer.id);
    const move = (body: unknown) => safetyCall('POST', `/v1/safety/cases/${c!.id}/transition`, body);
    await expectProblem(await move({ action: 'close' }), 409);
    const ack = await move({ action: 'acknowledge', note: 'Calling the patient' });
    expect(ack.status).toBe(200);
    expect(await ack.json()).toMatchObject({ status: 'acknowledged' });
    await expectProblem(await move({ action: 'acknowledge' }), 409);
    const reported = (await (await move({ action: 'report', reference: 'PV-2026-0042' })).json()) as Case;
    expect(reported.status).toBe('reported');
    const closed = (await (await move({ action: 'close' })).json()) as Case;
    expect(closed.status).toBe('closed');
    expect(closed.history.map((h) => [h.action, h.by])).toEqual([
      ['opened', 'nof1'],
      ['acknowledge', expect.any(String)],
      ['report', expect.any(String)],
      ['close', expect.any(String)],
    ]);
    expect(closed.history[2]).toMatchObject({ reference: 'PV-2026-0042' });
    await expectProblem(await move({ action: 'report' }), 409);
    await expectProblem(await move({ action: 'reopen' }), 400);
    await expectProblem(await move('{"action":'), 400);
    await expectProblem(await safetyCall('POST', '/v1/safety/cases/sc_nope/transition', { action: 'close' }), 404);
    await expectProblem(await safetyCall('GET', '/v1/safety/cases/sc_nope'), 404);
    const list = await safetyCall('GET', '/v1/safety/cases?status=closed&kind=adverse_event');
    expect(((await list.json()) as { cases: Case[] }).cases.map((x) => x.id)).toContain(c!.id);
  });

  it('lets exactly one of many concurrent acknowledgements through', async () => {
    const answer = await held(chat(subjectId('race'), 'I fainted after my Lumenzo injection'), 'adverse_event');
    const [c] = await casesOf(answer.id);
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        safetyCall('POST', `/v1/safety/cases/${c!.id}/transition`, { action: 'acknowledge' }).then((r) => r.status),
      ),
    );
    expect(results.filter((s) => s === 200)).toHaveLength(1);
    expect(results.filter((s) => s === 409)).toHaveLength(7);
    const after = await getJson<Case>(svc, `/v1/safety/cases/${c!.id}`, 'admin');
    expect(after.history.map((h) => h.action)).toEqual(['opened', 'acknowledge']);
  });

  it('pages cases with opaque cursors and rejects a forged one', async () => {
    for (const text of ['I threw up after my shot', 'I got a fever after the injection']) {
      await held(chat(subjectId('page'), text), 'adverse_event');
    }
    const first = (await (await safetyCall('GET', '/v1/safety/cases?limit=1')).json()) as {
      cases: Case[];
      nextCursor: string | null;
    };
    expect(first.cases).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await (await safetyCall('GET', `/v1/safety/cases?limit=1&cursor=${first.nextCursor}`)).json()) as {
      cases: Case[];
    };
    expect(second.cases[0]!.id).not.toBe(first.cases[0]!.id);
    await expectProblem(await safetyCall('GET', '/v1/safety/cases?cursor=bm9wZQ'), 400);
    await expectProblem(await safetyCall('GET', '/v1/safety/cases?kind=crisis'), 400);
  });

  it('lets only the safety role (and admin) read cases', async () => {
    await expectProblem(await svc.call('GET', '/v1/safety/cases', { key: 'client' }), 403);
    await expectProblem(await svc.call('GET', '/v1/safety/cases', { key: 'reviewer' }), 403);
    await expectProblem(await svc.call('GET', '/v1/safety/cases', { key: null }), 401);
    expect((await svc.call('GET', '/v1/safety/cases', { key: 'safety' })).status).toBe(200);
    expect((await svc.call('GET', '/v1/safety/cases', { key: 'admin' })).status).toBe(200);
  });

  it('keeps a subject’s cases through erasure and says so', async () => {
    const id = subjectId('erase');
    const answer = await held(chat(id, 'My pen was broken and the needle bent'), 'product_complaint');
    const res = await svc.call('DELETE', `/v1/subjects/${id}`, { key: 'admin' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      erased: true,
      safetyCasesKept: 1,
      notice: expect.stringMatching(/^Safety cases are kept whole \(1 for this subject\): a legal duty/),
    });
    const [c] = await casesOf(answer.id);
    expect(c).toMatchObject({ subjectRef: id, kind: 'product_complaint', status: 'open' });
    expect(c!.narrative).toMatch(/needle/);
  });

  it('counts open and overdue cases in /metrics', async () => {
    const res = await svc.call('GET', '/metrics', { key: 'metrics' });
    const text = await res.text();
    expect(text).toMatch(/^nof1_safety_cases_open\{kind="adverse_event"\} [1-9]\d*$/m);
    expect(text).toMatch(/^nof1_safety_cases_overdue\{kind="medical_information"\} 0$/m);
  });
});
