import type { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ComposeAnswer } from '../../src/domain/compose.js';
import { block, uniqueProgram } from '../support/blocks.js';
import { type Decided, REQUESTS, subjectId } from '../support/compose-requests.js';
import { startTestService, type TestService } from '../support/service.js';
import { agentPerWorker, send, workerOf } from '../support/worker-route.js';

const WORKERS = 2;
let svc: TestService;
let via: Map<number, Agent>;
/** One worker's own connection, and the other's. */
const one = () => [...via.values()][0]!;
const other = () => [...via.values()][1]!;

beforeAll(async () => {
  svc = await startTestService({ LOG_LEVEL: 'debug' }, { workers: WORKERS });
  via = await agentPerWorker(svc, WORKERS);
});
afterAll(async () => {
  for (const agent of via?.values() ?? []) agent.destroy();
  await svc?.close();
});

describe('nof1 serve --workers 2', () => {
  it('serves one port from two worker processes, fresh connections dealt to both', async () => {
    expect(svc.workerPids()).toHaveLength(WORKERS);
    expect(new Set(svc.workerPids()).has(process.pid)).toBe(false);
    const answers = await Promise.all(Array.from({ length: 8 }, () => send(svc, false, 'GET', '/healthz', 'client')));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    const workers = await Promise.all(answers.map((a) => workerOf(svc, a.requestId)));
    expect(new Set(workers)).toEqual(new Set([1, 2]));
  });

  it('a run held on one worker is decided on the other: resumed from the stored checkpoint, approved', async () => {
    const held = await send(svc, one(), 'POST', '/v1/compose', 'client', REQUESTS.lowConfidence(subjectId('w')));
    const answer = held.body as ComposeAnswer & { review: { id: string } };
    expect(answer.status).toBe('needs_review');
    const decided = await send(svc, other(), 'POST', `/v1/reviews/${answer.review.id}/decision`, 'reviewer', {
      decision: 'approve',
      note: 'fine',
    });
    expect(await workerOf(svc, decided.requestId)).not.toBe(await workerOf(svc, held.requestId));
    expect(decided.status).toBe(200);
    const { answer: after } = decided.body as Decided;
    expect(after.status).toBe('approved');
    expect(after.message).toEqual(answer.message);
    // Both workers read the decision back from the store.
    for (const agent of [one(), other()]) {
      const read = await send(svc, agent, 'GET', `/v1/messages/${answer.id}`, 'client');
      expect((read.body as ComposeAnswer).status).toBe('approved');
    }
  });

  it('lets exactly one of many simultaneous decisions on one review through, whichever worker takes them', async () => {
    const held = await send(svc, one(), 'POST', '/v1/compose', 'client', REQUESTS.lowConfidence(subjectId('w')));
    const reviewId = (held.body as { review: { id: string } }).review.id;
    const decisions = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        send(svc, i % 2 ? one() : other(), 'POST', `/v1/reviews/${reviewId}/decision`, 'reviewer', {
          decision: i % 3 ? 'approve' : 'reject',
        }),
      ),
    );
    const statuses = decisions.map((d) => d.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
  });

  it('tells the other workers when one imports content, so they drop the library terms they cached', async () => {
    const program = uniqueProgram('peers');
    const imported = await send(svc, one(), 'POST', '/v1/content/import', 'strategist', {
      blocks: [block({ program })],
    });
    expect(imported.status).toBe(200);
    const importer = await workerOf(svc, imported.requestId);
    await vi.waitFor(() => {
      const dropped = svc.logs.filter((l) => l.msg === 'content changed in another worker: cached terms dropped');
      expect(dropped.map((l) => l.worker)).toContain(importer === 1 ? 2 : 1);
      expect(dropped.map((l) => l.worker)).not.toContain(importer);
    });
    const listed = await send(svc, other(), 'GET', `/v1/content/blocks?program=${program}`, 'strategist');
    expect((listed.body as { blocks: unknown[] }).blocks).toHaveLength(1);
  });

  it('replaces a worker that dies, and keeps serving meanwhile', async () => {
    const [victim, survivor] = svc.workerPids();
    process.kill(victim!, 'SIGKILL');
    // Once the primary has seen the worker go (a connection handed to it in its last instant is lost, as
    // with any crash), the survivor answers while the replacement starts.
    await vi.waitFor(() => expect(svc.workerPids()).not.toContain(victim), { timeout: 10_000, interval: 20 });
    const during = await send(svc, false, 'GET', '/healthz', 'client');
    expect(during.status).toBe(200);
    await vi.waitFor(
      () => {
        const pids = svc.workerPids();
        expect(pids).toHaveLength(WORKERS);
        expect(pids).toContain(survivor);
        expect(pids).not.toContain(victim);
      },
      { timeout: 30_000, interval: 50 },
    );
    expect(svc.logs.some((l) => l.msg === 'worker exited; starting another' && l.signal === 'SIGKILL')).toBe(true);
    // The replacement takes connections and composes on the same store.
    for (const agent of via.values()) agent.destroy();
    via = await agentPerWorker(svc, WORKERS);
    for (const agent of via.values()) {
      const composed = await send(svc, agent, 'POST', '/v1/compose', 'client', REQUESTS.cost(subjectId('w')));
      expect((composed.body as ComposeAnswer).status).toBe('approved');
    }
  });
});
