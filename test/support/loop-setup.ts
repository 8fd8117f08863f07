import type { TestService } from './service.js';

export const LOOP_PROGRAM = 'lumenzo-adherence';
const COST = { question: 'What got in the way?', answer: 'the copay went up and I cant afford it' };

export async function expectOk(r: Response | Promise<Response>, status = 200) {
  const res = await r;
  if (res.status !== status) throw new Error(`${res.status}: ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** A programme with a refill-late trigger (no delay), optional settings, and consenting SMS subjects. */
export async function setUpLoop(svc: TestService, opts: { settings?: Record<string, unknown>; subjects: string[] }) {
  const settings = await expectOk(
    svc.call('PUT', `/v1/programs/${LOOP_PROGRAM}/settings`, { key: 'strategist', body: opts.settings ?? {} }),
  );
  await expectOk(
    svc.call('PUT', `/v1/programs/${LOOP_PROGRAM}/triggers`, {
      key: 'strategist',
      body: { triggers: [{ id: 'refill-late', on: 'refill_missed', where: { 'data.daysLate': { gte: 3 } } }] },
    }),
  );
  for (const id of opts.subjects) {
    await expectOk(
      svc.call('PUT', `/v1/subjects/${id}`, { key: 'client', body: { audience: 'patient', consents: { sms: true } } }),
    );
  }
  return settings;
}

/** A missed refill (which triggers) and the subject's own words about cost, for each subject. */
export function refillEvents(subjects: string[], tag: string, at = new Date().toISOString()) {
  return subjects.flatMap((id) => [
    { id: `${tag}-cost-${id}`, subject: { id }, program: LOOP_PROGRAM, type: 'survey_response', at, data: COST },
    {
      id: `${tag}-miss-${id}`,
      subject: { id },
      program: LOOP_PROGRAM,
      type: 'refill_missed',
      at,
      data: { daysLate: 9 },
    },
  ]);
}

/** Runs worker passes until nothing is due (bounded). */
export async function drain(svc: TestService, passes = 50) {
  for (let i = 0; i < passes; i++) {
    await svc.worker.runOnce();
    const { rows } = await svc.pool.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM jobs WHERE status IN ('scheduled', 'running') AND run_at <= now())
        + (SELECT count(*) FROM webhook_deliveries WHERE status IN ('pending', 'sending') AND next_attempt_at <= now()) AS n`,
    );
    if (Number(rows[0]!.n) === 0) return;
  }
  throw new Error('the worker did not drain');
}
