import { describe, expect, it } from 'vitest';
import type { ComposeAnswer } from '../../src/domain/compose.js';
import {
  compose,
  composeHeld,
  getJson,
  getTrace,
  REQUESTS,
  type Review,
  subjectId,
  verifyTrace,
} from '../support/compose-requests.js';
import { startTestService, type TestService } from '../support/service.js';
import { tempDir } from '../support/temp-dir.js';

const start = (dataDir: string) => startTestService({ NOF1_DATA_DIR: dataDir });

async function withService<T>(dataDir: string, fn: (svc: TestService) => Promise<T>): Promise<T> {
  const svc = await start(dataDir);
  try {
    return await fn(svc);
  } finally {
    await svc.close();
  }
}

describe('held runs across a real restart', () => {
  it('stay pending in the data folder and resume from their checkpoint when decided afterwards', async () => {
    const dataDir = await tempDir('nof1-review-restart-');

    const held = await withService(dataDir, async (svc) => {
      const low = await composeHeld(svc);
      const crisis = await compose(svc, REQUESTS.crisis(subjectId('crisis')), 'needs_review');
      const approved = await compose(svc, REQUESTS.cost(subjectId('cost')), 'approved');
      // A decision cut short by the shutdown: claimed, never finished.
      const cut = await composeHeld(svc);
      await svc.pool.query("UPDATE reviews SET status = 'deciding' WHERE id = $1", [cut.review.id]);
      expect((await getJson<Review>(svc, `/v1/reviews/${cut.review.id}`)).status).toBe('deciding');
      return { low, crisis, approved, cut };
    });

    await withService(dataDir, async (svc) => {
      const queue = await getJson<{ reviews: Review[] }>(svc, '/v1/reviews?status=pending&limit=200');
      const expected = [held.low.review.id, held.crisis.review!.id, held.cut.review.id];
      expect(queue.reviews.map((r) => r.id).sort()).toEqual(expected.sort());
      expect(queue.reviews.every((r) => r.status === 'pending')).toBe(true);
      expect(queue.reviews.find((r) => r.id === held.low.review.id)).toMatchObject({
        runId: held.low.id,
        status: 'pending',
        reason: held.low.review.reason,
        message: held.low.message,
      });
      expect((await getJson<ComposeAnswer>(svc, `/v1/messages/${held.low.id}`, 'client')).status).toBe('needs_review');
      expect((await getJson<ComposeAnswer>(svc, `/v1/messages/${held.approved.id}`, 'client')).status).toBe('approved');

      const approve = await svc.call('POST', `/v1/reviews/${held.low.review.id}/decision`, {
        key: 'reviewer',
        body: { decision: 'approve', note: 'checked after the restart' },
      });
      expect(approve.status).toBe(200);
      const decided = (await approve.json()) as { review: Review; answer: ComposeAnswer };
      expect(decided.review.status).toBe('approved');
      expect(decided.answer).toMatchObject({ id: held.low.id, status: 'approved', message: held.low.message });

      const reject = await svc.call('POST', `/v1/reviews/${held.crisis.review!.id}/decision`, {
        key: 'reviewer',
        body: { decision: 'reject' },
      });
      expect(reject.status).toBe(200);
      expect(((await reject.json()) as { answer: ComposeAnswer }).answer.status).toBe('blocked');
      const cut = await svc.call('POST', `/v1/reviews/${held.cut.review.id}/decision`, {
        key: 'admin',
        body: { decision: 'approve' },
      });
      expect(((await cut.json()) as { answer: ComposeAnswer }).answer.status).toBe('approved');

      // The resumed graph ran the review and finalize nodes after the steps written before the restart.
      const trace = await getTrace(svc, held.low.traceId);
      const nodes = trace.steps.map((s) => s.node);
      expect(nodes.slice(-2)).toEqual(['human_review', 'finalize']);
      expect(trace.steps.map((s) => s.step)).toEqual(nodes.map((_, i) => i));
      expect(trace.steps.at(-1)!.output).toMatchObject({ status: 'approved' });
      expect(await verifyTrace(svc, held.low.traceId)).toMatchObject({ intact: true, records: nodes.length });
    });

    await withService(dataDir, async (svc) => {
      expect((await getJson<{ reviews: Review[] }>(svc, '/v1/reviews?status=pending')).reviews).toEqual([]);
      const low = await getJson<ComposeAnswer>(svc, `/v1/messages/${held.low.id}`, 'client');
      expect(low.status).toBe('approved');
      expect(low.compliance.checks.find((c) => c.rule === 'review')).toMatchObject({ passed: true });
      expect((await getJson<ComposeAnswer>(svc, `/v1/messages/${held.crisis.id}`, 'client')).status).toBe('blocked');
      const again = await svc.call('POST', `/v1/reviews/${held.low.review.id}/decision`, {
        key: 'reviewer',
        body: { decision: 'reject' },
      });
      expect(again.status).toBe(409);
    });
  }, 240_000);
});
