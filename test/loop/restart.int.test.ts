import { describe, expect, it } from 'vitest';
import { createJobsRepo } from '../../src/store/jobs-repo.js';
import { drain, expectOk, refillEvents, setUpLoop } from '../support/loop-setup.js';
import { startTestService, type TestService } from '../support/service.js';
import { tempDir } from '../support/temp-dir.js';

const SUBJECTS = Array.from({ length: 40 }, (_, i) => `pt-restart-${String(i).padStart(3, '0')}`);

/** Runs `body` against a service on `env`, closed before the test ends and its folder (and lock) is removed. */
async function withService<T>(env: Record<string, string>, body: (svc: TestService) => Promise<T>): Promise<T> {
  const svc = await startTestService(env);
  try {
    return await body(svc);
  } finally {
    await svc.close();
  }
}

describe('scheduled runs across a restart', () => {
  it('loses none and doubles none when the process stops with runs done, claimed by it, and waiting', {
    timeout: 180_000,
  }, async () => {
    const env = { NOF1_JOBS: '0', NOF1_DATA_DIR: await tempDir(), NOF1_DEMO: '1' };
    await withService(env, async (svc) => {
      await setUpLoop(svc, { subjects: SUBJECTS });
      const accepted = await expectOk(
        svc.call('POST', '/v1/events', { key: 'client', body: { events: refillEvents(SUBJECTS, 'x') } }),
        202,
      );
      expect(accepted.scheduled).toBe(SUBJECTS.length);
      // Part of the work is done, part is claimed by a worker that then dies (its lease is about to run out).
      await svc.worker.runOnce();
      const orphaned = await createJobsRepo(svc.pool).claimDue('wrk_dead', 5, 500);
      expect(orphaned).toHaveLength(5);
    });

    await withService(env, async (svc) => {
      // The same events sent again after the restart (a client retrying) schedule nothing new.
      const replay = await expectOk(
        svc.call('POST', '/v1/events', { key: 'client', body: { events: refillEvents(SUBJECTS, 'x') } }),
        202,
      );
      expect(replay).toMatchObject({ accepted: 0, duplicates: SUBJECTS.length * 2, scheduled: 0 });
      await new Promise((r) => setTimeout(r, 600));
      await drain(svc);
      expect(await createJobsRepo(svc.pool).counts()).toEqual({ done: SUBJECTS.length });
      const { rows } = await svc.pool.query<{ runs: number; outbox: number; subjects: number; per: number }>(
        `SELECT (SELECT count(*)::int FROM runs WHERE subject_id LIKE 'pt-restart-%') AS runs,
                (SELECT count(*)::int FROM outbox) AS outbox,
                (SELECT count(DISTINCT subject_id)::int FROM outbox) AS subjects,
                (SELECT max(n)::int FROM (SELECT count(*) AS n FROM runs GROUP BY subject_id) c) AS per`,
      );
      expect(rows[0]).toEqual({ runs: SUBJECTS.length, outbox: SUBJECTS.length, subjects: SUBJECTS.length, per: 1 });
    });
  });
});
