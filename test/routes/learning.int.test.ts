import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKIP_WARMUP } from '../../agents/learning/skip-trial.js';
import { composeCost as composeCostRun, json, type Loose } from '../support/cost-compose.js';
import { seedOutcomes, seedSkips } from '../support/outcome-rows.js';
import { startTestService, type TestService } from '../support/service.js';

const PROGRAM = 'lumenzo-adherence';
let svc: TestService;

const putSettings = (body: unknown) =>
  svc.call('PUT', `/v1/programs/${PROGRAM}/settings`, { key: 'strategist', body }).then(json);

/** A cost run for the subject on SMS, and its plan_strategy step. */
const composeCost = (subject: string) => composeCostRun(svc, PROGRAM, subject);

beforeAll(async () => {
  svc = await startTestService({ NOF1_JOBS: '0', NOF1_LEARNER_CACHE_MS: '0' });
});
afterAll(async () => {
  await svc?.close();
});

describe('programme settings: learning', () => {
  it('is off by default, set by a PUT, and back to off when a PUT leaves it out', async () => {
    const first = await json(await svc.call('GET', `/v1/programs/${PROGRAM}/settings`, { key: 'strategist' }));
    expect(first.body.learning).toBe('off');
    const shadow = await putSettings({ learning: 'shadow' });
    expect(shadow.body).toMatchObject({ learning: 'shadow', frequencyCap: 3, frequencyWindowDays: 7 });
    expect((await putSettings({})).body.learning).toBe('off');
    const read = await json(await svc.call('GET', `/v1/programs/${PROGRAM}/settings`, { key: 'strategist' }));
    expect(read.body.learning).toBe('off');
  });

  it('rejects an unknown mode with a problem naming the field', async () => {
    const bad = await putSettings({ learning: 'sometimes' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: Loose) => e.path)).toContain('learning');
  });
});

describe('the strategy consults the learner', () => {
  it('off: the table chooses and the trace records no learning', async () => {
    await putSettings({});
    const { step, answer } = await composeCost('pt-learn-off');
    expect(step.output.learning).toBeUndefined();
    expect(answer.strategy.rationale).not.toMatch(/^Learning/);
  });

  it('shadow: the table choice is used, the policy choice sits beside it; cold start equals the table', async () => {
    await putSettings({ learning: 'shadow' });
    const { step, answer } = await composeCost('pt-learn-shadow');
    const learning = step.output.learning;
    expect(learning.mode).toBe('shadow');
    expect(learning.coldStart).toBe(true);
    expect(learning.agree).toBe(true);
    expect(learning.used).toMatchObject({ technique: answer.strategy.techniques[0].code, channel: 'sms' });
    expect(answer.strategy.rationale).not.toMatch(/^Learning/);
    // No skipped run's outcome is recorded yet, so sending nothing is not weighed against sends.
    expect(learning.skipUnobserved).toBe(true);
    expect(learning.candidates.some((c: Loose) => c.technique === 'skip')).toBe(false);
    for (const c of learning.candidates) expect(c.interval[0]).toBeLessThanOrEqual(c.mean);
  });

  it('on: a subject’s own outcomes move the choice; the rationale says exploited or explored; no personal data', async () => {
    await putSettings({ learning: 'on' });
    // Sending nothing is weighed (its outcomes are past the warm-up), so the choice is always a weighed one,
    // never the 1-in-20 skip trial drawn from the random run id.
    await seedSkips(svc.pool, [{ subject: 'pt-learn-peer', barrier: 'cost', achieved: 0, notAchieved: SKIP_WARMUP }]);
    await seedOutcomes(svc.pool, [
      { subject: 'pt-learn-on', barrier: 'cost', technique: '12.1', channel: 'sms', achieved: 8, notAchieved: 0 },
      { subject: 'pt-learn-on', barrier: 'cost', technique: '3.2', channel: 'sms', achieved: 0, notAchieved: 8 },
      { subject: 'pt-learn-peer', barrier: 'cost', technique: '3.2', channel: 'sms', achieved: 1, notAchieved: 5 },
    ]);
    const { step, answer, trace } = await composeCost('pt-learn-on');
    const learning = step.output.learning;
    expect(learning.mode).toBe('on');
    expect(learning.coldStart).toBe(false);
    expect(answer.strategy.rationale).toMatch(/^Learning \((exploited|explored)\): Chose /);
    expect(answer.strategy.rationale).toContain(learning.explored ? '(explored)' : '(exploited)');
    const top = learning.candidates.find((c: Loose) => c.technique === '12.1' && c.channel === 'sms');
    expect(top.own).toEqual({ achieved: 8, tried: 8 });
    const other = learning.candidates.find((c: Loose) => c.technique === '3.2' && c.channel === 'sms');
    expect(other.own).toEqual({ achieved: 0, tried: 8 });
    expect(other.others).toEqual({ achieved: 1, tried: 6 });
    for (const c of learning.candidates) expect(typeof c.sample).toBe('number');
    const best = Math.max(...learning.candidates.map((c: Loose) => c.mean));
    const chosen = learning.candidates.find(
      (c: Loose) => c.technique === learning.used.technique && c.channel === learning.used.channel,
    );
    expect(learning.explored).toBe(chosen.mean < best);
    if (learning.used.technique === 'skip') expect(answer.status).toBe('skipped');
    else expect(answer.strategy.techniques.map((t: Loose) => t.code)).toEqual([learning.used.technique]);
    expect(JSON.stringify(trace.steps)).not.toContain('pt-learn-');
  });

  it('on: a run with no approved block in the subject’s language is held as a content gap, never skipped', async () => {
    await putSettings({ learning: 'on' });
    const answer = await json(
      await svc.call('POST', '/v1/compose', {
        key: 'client',
        body: {
          subject: { id: 'pt-learn-gap', audience: 'patient', consents: { sms: true }, locale: 'fr-FR' },
          program: PROGRAM,
          channel: 'sms',
          signals: [{ type: 'survey_response', data: { answer: 'the copay is too expensive' } }],
        },
      }),
    );
    expect(answer.body.status).toBe('needs_review');
    expect(answer.body.review.reason).toMatch(/^content_gap: no usable fr-FR block for /);
    expect(answer.body.message).toBeNull();
  });

  it('erasure: a subject’s outcomes leave the learner, for them and for everyone else', async () => {
    await putSettings({ learning: 'on' });
    await seedOutcomes(svc.pool, [
      { subject: 'pt-learn-gone', barrier: 'cost', technique: '1.2', channel: 'sms', achieved: 5, notAchieved: 1 },
    ]);
    const before = await composeCost('pt-learn-stay');
    const seen = before.step.output.learning.candidates.find((c: Loose) => c.technique === '1.2');
    expect(seen?.others.tried ?? 0).toBeGreaterThanOrEqual(6);
    const erased = await svc.call('DELETE', '/v1/subjects/pt-learn-gone', { key: 'admin' });
    expect(erased.status).toBe(200);
    for (const subject of ['pt-learn-stay', 'pt-learn-gone']) {
      const after = await composeCost(subject);
      const c = after.step.output.learning.candidates.find((x: Loose) => x.technique === '1.2');
      expect(c?.others.tried ?? 0).toBe((seen?.others.tried ?? 0) - 6);
      expect(c?.own.tried ?? 0).toBe(0);
    }
  });
});

describe('GET /v1/programs/{p}/insights', () => {
  const HCP = 'lumenzo-hcp';

  it('answers descriptive, predictive and prescriptive insights for strategists', async () => {
    await seedOutcomes(svc.pool, [
      {
        program: HCP,
        subject: 'hcp-1',
        barrier: 'cost',
        technique: '3.2',
        channel: 'email',
        achieved: 30,
        notAchieved: 10,
        blockIds: ['B-GOOD'],
      },
      {
        program: HCP,
        subject: 'hcp-2',
        barrier: 'cost',
        technique: '1.2',
        channel: 'email',
        achieved: 2,
        notAchieved: 38,
        blockIds: ['B-POOR'],
      },
      {
        program: HCP,
        subject: null,
        barrier: 'cost',
        technique: '1.2',
        channel: 'email',
        achieved: 0,
        notAchieved: 5,
        blockIds: ['B-POOR'],
      },
    ]);
    const r = await json(await svc.call('GET', `/v1/programs/${HCP}/insights`, { key: 'strategist' }));
    expect(r.status).toBe(200);
    const { descriptive, options, best, neverWins } = r.body;
    expect(descriptive.totals).toMatchObject({ sent: 85, achieved: 32, notAchieved: 53, pending: 0 });
    expect(descriptive.byBlock.map((b: Loose) => b.block)).toEqual(['B-GOOD', 'B-POOR']);
    expect(descriptive.byTechnique.find((t: Loose) => t.technique === '1.2')).toMatchObject({ sent: 45, achieved: 2 });
    const good = options.find((o: Loose) => o.technique === '3.2');
    expect(good).toMatchObject({ barrier: 'cost', channel: 'email', sent: 40, achieved: 30, rate: 0.75 });
    expect(good.interval[0]).toBeLessThan(good.pAchieve);
    expect(good.interval[1]).toBeGreaterThan(good.pAchieve);
    expect(good.pBest).toBeGreaterThan(0.99);
    // The anonymous visitors' messages are described but do not count as evidence (their outcome cannot be seen).
    const poor = options.find((o: Loose) => o.technique === '1.2');
    expect(poor.sent).toBe(45);
    expect(poor.pAchieve).toBeCloseTo(3 / 42, 3);
    expect(best).toEqual([
      { barrier: 'cost', channel: 'email', technique: '3.2', pAchieve: good.pAchieve, pBest: good.pBest },
    ]);
    expect(neverWins.map((b: Loose) => b.block)).toEqual(['B-POOR']);
  });

  it('is for strategists, and a 422 for an unknown programme', async () => {
    expect((await svc.call('GET', `/v1/programs/${HCP}/insights`, { key: 'client' })).status).toBe(403);
    const unknown = await json(await svc.call('GET', '/v1/programs/no-such-programme/insights', { key: 'strategist' }));
    expect(unknown.status).toBe(422);
    const doc = await json(await svc.call('GET', '/openapi.json', { key: null }));
    expect(doc.body.paths['/v1/programs/{program}/insights'].get.operationId).toBe('getProgramInsights');
  });
});
