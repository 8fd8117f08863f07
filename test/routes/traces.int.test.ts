import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposeAnswer } from '../../src/domain/compose.js';
import {
  allPages,
  compose,
  composeBody,
  composeHeld,
  getTrace,
  REQUESTS,
  subjectId,
  type TraceSummary,
  verifyTrace,
} from '../support/compose-requests.js';
import { expectProblem } from '../support/problem.js';
import { startTestService, type TestService } from '../support/service.js';

const COMPOSED = [
  'load_context',
  'triage_safety',
  'diagnose_barrier',
  'plan_strategy',
  'assemble_message',
  'check_compliance',
];

let svc: TestService;
// Seven runs written between t0 and t2 (t1 splits them 4 | 3), all statuses and two programmes.
const runs: Record<string, ComposeAnswer> = {};
let t0: string;
let t1: string;
let t2: string;

beforeAll(async () => {
  svc = await startTestService();
  t0 = new Date(Date.now() - 1).toISOString();
  runs.cost = await compose(svc, REQUESTS.cost(subjectId()), 'approved');
  runs.held = await composeHeld(svc);
  runs.blocked = await compose(svc, REQUESTS.noConsent(subjectId()), 'blocked');
  runs.skipped = await compose(svc, REQUESTS.onTrack(subjectId()), 'skipped');
  await new Promise((r) => setTimeout(r, 5));
  t1 = new Date().toISOString();
  await new Promise((r) => setTimeout(r, 5));
  runs.cost2 = await compose(svc, REQUESTS.cost(subjectId(), 'Money is tight, the copay is more than I can pay'));
  runs.crisis = await compose(svc, REQUESTS.crisis(subjectId()), 'needs_review');
  const hcp = composeBody(subjectId('hcp'), [{ type: 'page_view', data: { topic: 'savings' } }], { channel: 'email' });
  runs.hcp = await compose(svc, { ...hcp, program: 'lumenzo-hcp', subject: { ...hcp.subject, audience: 'hcp' } });
  t2 = new Date(Date.now() + 1).toISOString();
});
afterAll(() => svc?.close());

const page = (query = '', from = t0, to = t2) =>
  allPages<TraceSummary>(svc, `/v1/traces?from=${from}&to=${to}&limit=2${query}`, 'traces');
const ids = async (query = '', from = t0, to = t2) => (await page(query, from, to)).rows.map((r) => r.runId).sort();
const of = (...names: string[]) => names.map((n) => runs[n]!.id).sort();
const where = (p: (a: ComposeAnswer) => boolean) =>
  Object.values(runs)
    .filter(p)
    .map((r) => r.id)
    .sort();

describe('GET /v1/traces/{traceId}', () => {
  it('answers an approved run’s steps in order, each with agent, engine, timing, input and output', async () => {
    const trace = await getTrace(svc, runs.cost!.traceId);
    expect(trace).toMatchObject({ traceId: runs.cost!.traceId, runId: runs.cost!.id, program: 'lumenzo-adherence' });
    expect(trace.answer).toMatchObject({ id: runs.cost!.id, status: 'approved' });
    expect(trace.steps.map((s) => s.node)).toEqual([...COMPOSED, 'finalize']);
    expect(trace.steps.map((s) => s.step)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const agents = Object.fromEntries(trace.steps.map((s) => [s.node, s.agent]));
    expect(agents).toMatchObject({ load_context: null, diagnose_barrier: expect.any(String), finalize: null });
    expect(agents.assemble_message).toMatch(/compos/);
    let last = 0;
    for (const s of trace.steps) {
      expect(s.engine).toBe('offline');
      expect(Date.parse(s.startedAt)).toBeGreaterThanOrEqual(last);
      last = Date.parse(s.startedAt);
      expect(s.durationMs).toBeGreaterThanOrEqual(0);
      expect(s.input).toEqual(expect.any(Object));
      expect(s.output).toEqual(expect.any(Object));
      expect(s.hash).toMatch(/^[0-9a-f]{64}$/);
    }
    const diagnose = trace.steps.find((s) => s.node === 'diagnose_barrier')!;
    expect(diagnose.output).toMatchObject({ diagnosis: runs.cost!.diagnosis });
    expect(trace.steps.at(-1)!.output).toMatchObject({ status: 'approved' });
  });

  it('lists the composer’s tool calls with their arguments and the block ids they returned', async () => {
    const trace = await getTrace(svc, runs.cost!.traceId);
    const composer = trace.steps.find((s) => s.node === 'assemble_message')!;
    const names = composer.toolCalls.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['search_content', 'list_blocks']));
    const where = { program: 'lumenzo-adherence', audience: 'patient', channel: 'sms' };
    const returned = new Set<string>();
    for (const call of composer.toolCalls) {
      expect(call.args).toMatchObject(where);
      expect(Array.isArray(call.result)).toBe(true);
      for (const r of call.result as Array<{ id: string }>) {
        expect(r.id).toMatch(/^LZ-/);
        returned.add(r.id);
      }
    }
    const search = composer.toolCalls.find((t) => t.name === 'search_content')!;
    expect(search.args).toMatchObject({ barrier: 'cost' });
    // every block of the message was found by a tool call
    for (const b of runs.cost!.message!.blocks) expect(returned.has(b.id)).toBe(true);
    expect(composer.output).toMatchObject({ blocks: runs.cost!.message!.blocks });
  });

  it('shows a held run stopping before finalize and a skipped run going straight to finalize', async () => {
    const held = await getTrace(svc, runs.held!.traceId);
    expect(held.steps.map((s) => s.node)).toEqual([...COMPOSED, 'hold_for_review']);
    expect(held.steps.at(-1)!.output).toMatchObject({
      reviewId: runs.held!.review!.id,
      reason: runs.held!.review!.reason,
    });
    expect(held.answer.status).toBe('needs_review');
    const skipped = await getTrace(svc, runs.skipped!.traceId);
    expect(skipped.steps.map((s) => s.node)).toEqual(['load_context', 'triage_safety', 'diagnose_barrier', 'finalize']);
    const blocked = await getTrace(svc, runs.blocked!.traceId);
    expect(blocked.steps.at(-1)!.output).toMatchObject({ status: 'blocked', failing: ['consent'] });
  });

  it('answers 404 to an unknown trace and 403 to a client key', async () => {
    await expectProblem(await svc.call('GET', '/v1/traces/trc_nothing', { key: 'reviewer' }), 404);
    await expectProblem(await svc.call('GET', '/v1/traces/trc_nothing/verify', { key: 'reviewer' }), 404);
    await expectProblem(await svc.call('GET', `/v1/traces/${runs.cost!.traceId}`, { key: 'client' }), 403);
    await expectProblem(await svc.call('GET', '/v1/traces', { key: 'client' }), 403);
  });
});

describe('GET /v1/traces', () => {
  it('pages through a time window with limit=2: newest first, no duplicates, every run found', async () => {
    const { rows, pages } = await page();
    expect(pages).toBe(4);
    const found = rows.map((r) => r.runId);
    expect(new Set(found).size).toBe(found.length);
    expect(found.sort()).toEqual(where(() => true));
    const times = rows.map((r) => Date.parse(r.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const cost = rows.find((r) => r.runId === runs.cost!.id);
    expect(cost).toMatchObject({ traceId: runs.cost!.traceId, status: 'approved', barrier: 'cost', channel: 'sms' });
  });

  it('filters by time window, status, barrier and programme', async () => {
    expect(await ids('', t0, t1)).toEqual(of('cost', 'held', 'blocked', 'skipped'));
    expect(await ids('', t1, t2)).toEqual(of('cost2', 'crisis', 'hcp'));
    for (const status of ['approved', 'needs_review', 'blocked', 'skipped'] as const) {
      const { rows } = await page(`&status=${status}`);
      expect(rows.every((r) => r.status === status)).toBe(true);
      expect(rows.map((r) => r.runId).sort(), status).toEqual(where((a) => a.status === status));
    }
    expect(await ids('&status=needs_review')).toEqual(expect.arrayContaining(of('held', 'crisis')));
    expect(await ids('&barrier=cost')).toEqual(where((a) => a.diagnosis?.barrier === 'cost'));
    expect(await ids('&barrier=cost')).toEqual(expect.arrayContaining(of('cost', 'cost2', 'blocked')));
    expect(await ids('&program=lumenzo-hcp')).toEqual(of('hcp'));
    expect(await ids('&program=lumenzo-adherence&status=approved&barrier=cost')).toEqual(of('cost', 'cost2'));
    // An unknown programme is a client's mistake, not an empty result (test/routes/unknown-program.int.test.ts).
    expect((await svc.call('GET', '/v1/traces?program=no-such-programme', { key: 'reviewer' })).status).toBe(422);
  });

  it.each([
    ['a from that is not a time', 'from=yesterday'],
    ['an unknown status', 'status=sent'],
    ['an unknown barrier', 'barrier=money'],
    ['a forged cursor', 'cursor=eyJub3QiOiJhIGN1cnNvciJ9'],
    ['a limit over 200', 'limit=1000'],
  ])('answers 400 to %s', async (_name, query) => {
    await expectProblem(await svc.call('GET', `/v1/traces?${query}`, { key: 'reviewer' }), 400);
  });
});

describe('GET /v1/traces/{traceId}/verify', () => {
  it('answers intact for untouched traces, including one decided after it was held', async () => {
    for (const run of Object.values(runs)) {
      const v = await verifyTrace(svc, run.traceId);
      expect(v, run.status).toMatchObject({ traceId: run.traceId, intact: true, problems: [] });
      expect(v.records).toBeGreaterThanOrEqual(3);
    }
    const held = await composeHeld(svc);
    await svc.call('POST', `/v1/reviews/${held.review.id}/decision`, {
      key: 'reviewer',
      body: { decision: 'approve' },
    });
    expect(await verifyTrace(svc, held.traceId)).toMatchObject({ intact: true, records: 9 });
  });

  it('flags a record edited in the store, naming the step, and leaves other traces intact', async () => {
    const run = await compose(svc, REQUESTS.cost(subjectId()), 'approved');
    const { rowCount } = await svc.pool.query(
      `UPDATE trace_records SET record = jsonb_set(record, '{output,verdict}', '"pass (edited)"')
       WHERE trace_id = $1 AND step = 4`,
      [run.traceId],
    );
    expect(rowCount).toBe(1);
    const v = await verifyTrace(svc, run.traceId);
    expect(v.intact).toBe(false);
    expect(v.problems).toEqual([{ step: 4, problem: expect.stringMatching(/edited/) }]);
    expect((await verifyTrace(svc, runs.cost!.traceId)).intact).toBe(true);
  });

  it('flags a record deleted from the middle of a trace', async () => {
    const run = await compose(svc, REQUESTS.cost(subjectId()), 'approved');
    await svc.pool.query('DELETE FROM trace_records WHERE trace_id = $1 AND step = 2', [run.traceId]);
    const v = await verifyTrace(svc, run.traceId);
    expect(v).toMatchObject({ intact: false, records: 6 });
    expect(v.problems).toContainEqual({ step: 3, problem: expect.stringMatching(/removed/) });
  });

  it('flags the last record of a trace deleted (a decision erased from the record)', async () => {
    const held = await composeHeld(svc);
    await svc.call('POST', `/v1/reviews/${held.review.id}/decision`, { key: 'reviewer', body: { decision: 'reject' } });
    await compose(svc, REQUESTS.onTrack(subjectId()), 'skipped'); // a later record follows in the chain
    await svc.pool.query("DELETE FROM trace_records WHERE trace_id = $1 AND record->>'node' = 'finalize'", [
      held.traceId,
    ]);
    const v = await verifyTrace(svc, held.traceId);
    expect(v).toMatchObject({ intact: false, records: 8 });
    expect(v.problems).toEqual([{ step: 7, problem: expect.stringMatching(/after it was removed/) }]);
  });

  it('flags edited free text kept beside the chain', async () => {
    const run = await compose(svc, REQUESTS.crisis(subjectId(), 'I want to end it all'), 'needs_review');
    const { rowCount } = await svc.pool.query(
      `UPDATE trace_personal SET data = '{"signalData": [{"text": "all good here"}]}'::jsonb WHERE trace_id = $1`,
      [run.traceId],
    );
    expect(rowCount).toBeGreaterThan(0);
    const v = await verifyTrace(svc, run.traceId);
    expect(v.intact).toBe(false);
    expect(v.problems).toEqual([{ step: 1, problem: expect.stringMatching(/free text .* edited/) }]);
  });
});
