import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdempotentCompose } from '../../src/compose/idempotent-compose.js';
import type { ComposeAnswer } from '../../src/domain/compose.js';
import { Conflict } from '../../src/domain/errors.js';
import { createIdempotencyRepo } from '../../src/store/idempotency-repo.js';
import { createRunsRepo } from '../../src/store/runs-repo.js';
import { REQUESTS, subjectId } from '../support/compose-requests.js';
import { expectProblem } from '../support/problem.js';
import { startTestService, type TestService } from '../support/service.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(() => svc?.close());

const keyed = (key: string) => ({ 'idempotency-key': key });
const post = (body: unknown, key: string, path = '/v1/compose') =>
  svc.call('POST', path, { key: 'client', body, headers: keyed(key) });
const runsOf = async (subject: string) =>
  (await svc.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM runs WHERE subject_id = $1', [subject])).rows[0]!
    .n;

/** The answer event of a server-sent-event stream. */
function answerEvent(text: string): ComposeAnswer {
  const event = text.split('\n\n').find((e) => e.startsWith('event: answer'));
  expect(event, text.slice(0, 300)).toBeDefined();
  return JSON.parse(
    event!
      .split('\n')
      .find((l) => l.startsWith('data: '))!
      .slice(6),
  ) as ComposeAnswer;
}

describe('Idempotency-Key under concurrency', () => {
  it('runs 20 concurrent requests with one key and one body once; every caller gets that answer', async () => {
    const subject = subjectId('idem-race');
    const key = `k-${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 20 }, () => post(REQUESTS.cost(subject), key)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const answers = (await Promise.all(results.map((r) => r.json()))) as ComposeAnswer[];
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(await runsOf(subject)).toBe(1);
    expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
  });

  it('answers 409 to every concurrent request whose body differs from the one that claimed the key', async () => {
    const key = `k-${randomUUID()}`;
    const subjects = Array.from({ length: 10 }, (_, i) => subjectId(`idem-diff-${i}`));
    const results = await Promise.all(subjects.map((s) => post(REQUESTS.cost(s), key)));
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 200)) await expectProblem(r, 409);
    const ran = await Promise.all(subjects.map(runsOf));
    expect(ran.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('runs once with ?stream=1 too: one stream shows the steps, every stream ends with the same answer', async () => {
    const subject = subjectId('idem-stream');
    const key = `k-${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 6 }, () => post(REQUESTS.cost(subject), key, '/v1/compose?stream=1')),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(200));
    const texts = await Promise.all(results.map((r) => r.text()));
    const answers = texts.map(answerEvent);
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(texts.filter((t) => t.includes('event: step'))).toHaveLength(1);
    expect(await runsOf(subject)).toBe(1);
    // A plain request afterwards replays the same run.
    const replay = await post(REQUESTS.cost(subject), key);
    expect(((await replay.json()) as ComposeAnswer).id).toBe(answers[0]!.id);
  });

  it('takes over a claim whose process died once its lease has run out, and runs the request', async () => {
    const subject = subjectId('idem-crashed');
    const key = `k-${randomUUID()}`;
    // First claim it for real, then make it look like a claim left by a crashed process.
    const first = await post(REQUESTS.cost(subject), key);
    const answered = (await first.json()) as ComposeAnswer;
    await svc.pool.query(
      `UPDATE idempotency_keys SET state = 'running', run_id = 'msg_crashed', lease_until = now() - interval '1 second'
       WHERE run_id = $1`,
      [answered.id],
    );
    const res = await post(REQUESTS.cost(subject), key);
    expect(res.status).toBe(200);
    const taken = (await res.json()) as ComposeAnswer;
    expect(taken.id).not.toBe(answered.id);
    expect(taken.id).not.toBe('msg_crashed');
    const row = await svc.pool.query('SELECT state, run_id FROM idempotency_keys WHERE run_id = $1', [taken.id]);
    expect(row.rows).toEqual([{ state: 'done', run_id: taken.id }]);
  });

  it('gives up with a clear conflict after a bounded wait when the first request is still running', async () => {
    const subject = subjectId('idem-running');
    const key = `k-${randomUUID()}`;
    const first = (await (await post(REQUESTS.cost(subject), key)).json()) as ComposeAnswer;
    // The claim's holder is still at work (a lease an hour ahead), as a request in flight elsewhere would be.
    const { rows } = await svc.pool.query<{ principal: string; request_hash: string }>(
      `UPDATE idempotency_keys SET state = 'running', lease_until = now() + interval '1 hour' WHERE run_id = $1
       RETURNING principal, request_hash`,
      [first.id],
    );
    expect(rows).toHaveLength(1);
    // The route's own claim logic over the same store, with a short wait (the service waits longer).
    const idempotent = createIdempotentCompose({
      idempotency: createIdempotencyRepo(svc.pool),
      runs: createRunsRepo(svc.pool),
      leaseMs: 60_000,
      waitMs: 300,
    });
    const started = Date.now();
    const outcome = idempotent.claimOrWait({ principal: rows[0]!.principal, key }, rows[0]!.request_hash);
    await expect(outcome).rejects.toBeInstanceOf(Conflict);
    await expect(outcome).rejects.toThrow(/still in progress/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });
});
