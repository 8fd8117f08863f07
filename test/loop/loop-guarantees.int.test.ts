import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobsRepo } from '../../src/store/jobs-repo.js';
import { expectOk, refillEvents, setUpLoop } from '../support/loop-setup.js';
import { startTestService, type TestService } from '../support/service.js';

const SUBJECTS = Array.from({ length: 30 }, (_, i) => `pt-race-${i}`);
let svc: TestService;
beforeAll(async () => {
  // The worker runs as in production, started with the service.
  svc = await startTestService({ NOF1_JOBS_INTERVAL_MS: '100' });
  await setUpLoop(svc, { subjects: SUBJECTS });
});
afterAll(() => svc?.close());

const post = (events: unknown[]) => svc.call('POST', '/v1/events', { key: 'client', body: { events } });

describe('guarantees under concurrency', () => {
  it('stores each event once when the same batch arrives many times at once', async () => {
    const batch = refillEvents(SUBJECTS.slice(0, 10), 'dup');
    const answers = await Promise.all(Array.from({ length: 8 }, () => expectOk(post(batch), 202)));
    expect(answers.reduce((n, a) => n + (a.accepted as number), 0)).toBe(batch.length);
    expect(answers.reduce((n, a) => n + (a.scheduled as number), 0)).toBe(10);
    const { rows } = await svc.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE client_id LIKE 'dup-%'`,
    );
    expect(rows[0]!.n).toBe(batch.length);
  });

  it('gives each due job to one worker only, however many claim at once', async () => {
    await svc.pool.query(`UPDATE jobs SET run_at = now() + interval '1 hour' WHERE status = 'scheduled'`);
    await expectOk(post(refillEvents(SUBJECTS.slice(10), 'claim')), 202);
    await svc.pool.query(`UPDATE jobs SET run_at = now() - interval '1 second' WHERE status = 'scheduled'`);
    const jobs = createJobsRepo(svc.pool);
    const claims = await Promise.all(['w1', 'w2', 'w3', 'w4'].map((w) => jobs.claimDue(`wrk_${w}`, 8, 60_000)));
    const ids = claims.flat().map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(0);
  });

  it('runs a due triggered run in the background with no call but the event', async () => {
    await svc.pool.query(`DELETE FROM jobs`);
    await expectOk(post(refillEvents(['pt-race-0'], 'bg')), 202);
    let entries: unknown[] = [];
    for (let i = 0; i < 100 && entries.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      entries = (await expectOk(svc.call('GET', '/v1/outbox', { key: 'client' }))).entries as unknown[];
    }
    expect(entries).toHaveLength(1);
  });
});

describe('the clinical-trial programme', () => {
  it('reminds the day before a scheduled visit and follows up two hours after a missed one', async () => {
    await expectOk(
      svc.call('PUT', '/v1/subjects/hp-001', {
        key: 'client',
        body: { audience: 'participant', consents: { sms: true }, timezone: 'Europe/Berlin' },
      }),
    );
    const visitAt = new Date(Date.now() + 3 * 86_400_000);
    visitAt.setUTCHours(9, 0, 0, 0);
    const at = new Date().toISOString();
    const events = [
      {
        id: 'v-1',
        subject: { id: 'hp-001' },
        program: 'halden-trial',
        type: 'visit_scheduled',
        at,
        data: { visitAt: visitAt.toISOString() },
      },
      { id: 'm-1', subject: { id: 'hp-001' }, program: 'halden-trial', type: 'appointment_missed', at, data: {} },
    ];
    expect(await expectOk(post(events), 202)).toMatchObject({ accepted: 2, scheduled: 2 });
    const { rows } = await svc.pool.query<{ trigger_id: string; run_at: Date }>(
      `SELECT trigger_id, run_at FROM jobs WHERE subject_id = 'hp-001' ORDER BY trigger_id`,
    );
    expect(rows.map((r) => r.trigger_id)).toEqual(['missed-visit', 'visit-reminder']);
    expect(rows[0]!.run_at.getTime() - Date.parse(at)).toBe(2 * 3_600_000);
    expect(rows[1]!.run_at.toISOString()).toBe(new Date(visitAt.getTime() - 86_400_000).toISOString());
  });
});
