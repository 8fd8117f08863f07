import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refillEvents, setUpLoop } from '../support/loop-setup.js';
import { seedOutcomes, seedSkips } from '../support/outcome-rows.js';
import { startTestService, type TestService } from '../support/service.js';

const PROGRAM = 'lumenzo-adherence';
const SUBJECT = 'pt-skip-0001';
let svc: TestService;

// biome-ignore lint/suspicious/noExplicitAny: the answers are read loosely, field by field
type Loose = Record<string, any>;
const json = async (r: Response) => ({ status: r.status, body: (await r.json()) as Loose });

/** The subject's newest run and its learning record (plan_strategy's output in the trace). */
async function latestRun(subject: string) {
  const list = await json(await svc.call('GET', `/v1/subjects/${subject}/messages`, { key: 'client' }));
  const run = list.body.messages[0] as Loose;
  const trace = await json(await svc.call('GET', `/v1/traces/${run.traceId}`, { key: 'reviewer' }));
  const step = (trace.body.steps as Loose[]).find((s) => s.node === 'plan_strategy')!;
  return { run, learning: step.output.learning as Loose };
}

const skipOf = (learning: Loose): Loose => (learning.candidates as Loose[]).find((c) => c.technique === 'skip')!;

/** A missed refill with words about cost, which the programme's trigger turns into a run now. */
async function missRefill(tag: string) {
  const r = await svc.call('POST', '/v1/events', { key: 'client', body: { events: refillEvents([SUBJECT], tag) } });
  expect(r.status).toBe(202);
  await svc.worker.runOnce();
}

const insightsSkip = async () => {
  const r = await json(await svc.call('GET', `/v1/programs/${PROGRAM}/insights`, { key: 'strategist' }));
  return (r.body.skips as Loose[]).find((s) => s.barrier === 'cost')!;
};

beforeAll(async () => {
  svc = await startTestService({ NOF1_JOBS: '0', NOF1_LEARNER_CACHE_MS: '0' });
  await setUpLoop(svc, {
    settings: { outcomes: { targets: ['refill_filled'], window: 'P7D' }, learning: 'on' },
    subjects: [SUBJECT],
  });
});
afterAll(async () => {
  await svc?.close();
});

describe('the skip arm learns from what follows sending nothing', () => {
  it('events in → the learner skips → a target behaviour → the skip arm’s counts move, for the learner and insights', async () => {
    // Other subjects' outcomes: every send for cost by SMS failed, sending nothing was followed by a refill.
    await missRefill('probe');
    const probe = await latestRun(SUBJECT);
    const sends = (probe.learning.candidates as Loose[]).filter((c) => c.technique !== 'skip');
    expect(sends.length).toBeGreaterThan(0);
    await seedOutcomes(
      svc.pool,
      sends.map((c) => ({
        subject: 'pt-skip-peer',
        barrier: 'cost',
        technique: c.technique,
        channel: 'sms',
        achieved: 0,
        notAchieved: 40,
      })),
    );
    await seedSkips(svc.pool, [{ subject: 'pt-skip-peer', barrier: 'cost', achieved: 40, notAchieved: 0 }]);

    await missRefill('first');
    const skipped = await latestRun(SUBJECT);
    expect(skipped.run.status).toBe('skipped');
    expect(skipped.learning.used.technique).toBe('skip');
    expect(skipped.learning.skipUnobserved).toBe(false);
    expect(skipOf(skipped.learning).own).toEqual({ achieved: 0, tried: 0 });
    // Its outcome is open (pending) until the target behaviour or the end of the window.
    expect(skipped.run.outcome).toBe('pending');
    const before = await insightsSkip();
    expect(before).toMatchObject({ decided: 41, achieved: 40, pending: 1 });

    const filled = {
      id: 'skip-filled-1',
      subject: { id: SUBJECT },
      program: PROGRAM,
      type: 'refill_filled',
      at: new Date().toISOString(),
      data: {},
    };
    expect((await svc.call('POST', '/v1/events', { key: 'client', body: { events: [filled] } })).status).toBe(202);

    const list = await json(await svc.call('GET', `/v1/subjects/${SUBJECT}/messages`, { key: 'client' }));
    expect(list.body.messages.find((m: Loose) => m.id === skipped.run.id).outcome).toBe('achieved');
    expect(await insightsSkip()).toMatchObject({ decided: 41, achieved: 41, pending: 0, rate: 1 });

    await missRefill('second');
    const next = await latestRun(SUBJECT);
    expect(skipOf(next.learning).own).toEqual({ achieved: 1, tried: 1 });
    expect(skipOf(next.learning).others).toEqual({ achieved: 40, tried: 40 });
  });

  it('a behaviour before the skip, or of another programme, does not achieve it; erasure unlinks it', async () => {
    const subject = 'pt-skip-0002';
    await svc.call('PUT', `/v1/subjects/${subject}`, {
      key: 'client',
      body: { audience: 'patient', consents: { sms: true } },
    });
    const earlier = new Date(Date.now() - 3_600_000).toISOString();
    const events = [
      ...refillEvents([subject], 'early'),
      { id: 'early-fill', subject: { id: subject }, program: PROGRAM, type: 'refill_filled', at: earlier, data: {} },
    ];
    expect((await svc.call('POST', '/v1/events', { key: 'client', body: { events } })).status).toBe(202);
    await svc.worker.runOnce();
    const { run } = await latestRun(subject);
    expect(run.status).toBe('skipped');
    const other = {
      id: 'other-fill',
      subject: { id: subject },
      program: 'halden-trial',
      type: 'refill_filled',
      at: new Date().toISOString(),
      data: {},
    };
    expect((await svc.call('POST', '/v1/events', { key: 'client', body: { events: [other] } })).status).toBe(202);
    const list = await json(await svc.call('GET', `/v1/subjects/${subject}/messages`, { key: 'client' }));
    expect(list.body.messages[0].outcome).toBe('pending');

    const before = await insightsSkip();
    expect((await svc.call('DELETE', `/v1/subjects/${subject}`, { key: 'admin' })).status).toBe(200);
    const { rows } = await svc.pool.query('SELECT subject_id FROM skip_outcomes WHERE run_id = $1', [run.id]);
    expect(rows).toEqual([{ subject_id: null }]);
    // Still counted as a decision the programme made, no longer as any known subject's evidence.
    expect(await insightsSkip()).toMatchObject({ decided: before.decided, pending: before.pending });
  });
});
