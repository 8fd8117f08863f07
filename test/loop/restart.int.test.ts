import { afterAll, describe, expect, it } from 'vitest';
import { createJobsRepo } from '../../src/store/jobs-repo.js';
import { drain, expectOk, refillEvents, setUpLoop } from '../support/loop-setup.js';
import { startTestService, type TestService } from '../support/service.js';
import { tempDir } from '../support/temp-dir.js';

const SUBJECTS = Array.from({ length: 40 }, (_, i) => `pt-restart-${String(i).padStart(3, '0')}`);
let svc: TestService | undefined;
afterAll(() => svc?.close());

describe('scheduled runs across a restart', () => {
  it('loses none and doubles none when the process stops with runs done, claimed by it, and waiting', {
    timeout: 180_000,
  }, async () => {
    const dir = await tempDir();
    const env = { NOF1_JOBS: '0', NOF1_DATA_DIR: dir, NOF1_DEMO: '1' };
    svc = await startTestService(env);
    await setUpLoop(svc, { subjects: SUBJECTS });
    const accepted = await expectOk(
      svc.call('POST', '/v1/events', { key: 'client', body: { events: refillEvents(SUBJECTS, 'x') } }),
      202,
    );
    expect(accepted.scheduled).toBe(SUBJECTS.length);
    // Part of the work is done, part is claimed by a worker that then dies (its lease is about to run out).
    await svc.worker.runOnce();
    const jobs = createJobsRepo(svc.pool);
    const orphaned = await jobs.claimDue('wrk_dead', 5, 500);
    expect(orphaned).toHaveLength(5);
    await svc.close();

    svc = await startTestService(env);
    // The same events sent again after the restart (a client retrying) schedule nothing new.
    const replay = await expectOk(
      svc.call('POST', '/v1/events', { key: 'client', body: { events: refillEvents(SUBJECTS, 'x') } }),
      202,
    );
    expect(replay).toMatchObject({ accepted: 0, duplicates: SUBJECTS.length * 2, scheduled: 0 });
    await new Promise((r) => setTimeout(r, 600));
    await drain(svc);
    const counts = await createJobsRepo(svc.pool).counts();
    expect(counts).toEqual({ done: SUBJECTS.length });
    const { rows } = await svc.pool.query<{ runs: number; outbox: number; subjects: number; per: number }>(
      `SELECT (SELECT count(*)::int FROM runs WHERE subject_id LIKE 'pt-restart-%') AS runs,
              (SELECT count(*)::int FROM outbox) AS outbox,
              (SELECT count(DISTINCT subject_id)::int FROM outbox) AS subjects,
              (SELECT max(n)::int FROM (SELECT count(*) AS n FROM runs GROUP BY subject_id) c) AS per`,
    );
    expect(rows[0]).toEqual({ runs: SUBJECTS.length, outbox: SUBJECTS.length, subjects: SUBJECTS.length, per: 1 });
  });
});
