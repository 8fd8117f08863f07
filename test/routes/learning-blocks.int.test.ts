import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKIP_WARMUP } from '../../agents/learning/skip-trial.js';
import { composeCost as composeCostRun, type Loose } from '../support/cost-compose.js';
import { seedOutcomes, seedSkips } from '../support/outcome-rows.js';
import { startTestService, type TestService } from '../support/service.js';

const PROGRAM = 'lumenzo-adherence';
let svc: TestService;

async function composeCost(subject: string, topicsOff: string[] = []) {
  const { answer, step } = await composeCostRun(svc, PROGRAM, subject, { topicsOff });
  return { answer, learning: step.output.learning as Loose };
}

beforeAll(async () => {
  svc = await startTestService({ NOF1_JOBS: '0', NOF1_LEARNER_CACHE_MS: '0' });
  const settings = await svc.call('PUT', `/v1/programs/${PROGRAM}/settings`, {
    key: 'strategist',
    body: { outcomes: { targets: ['refill_filled'], window: 'P7D' }, learning: 'on' },
  });
  expect(settings.status).toBe(200);
  // 3.2 by SMS is the best technique; of its two approved SMS blocks, one was followed by refills, one not.
  await seedOutcomes(svc.pool, [
    {
      subject: 'pt-blk-peer',
      barrier: 'cost',
      technique: '3.2',
      channel: 'sms',
      achieved: 40,
      notAchieved: 0,
      blockIds: ['LZ-COST-SMS-02'],
    },
    {
      subject: 'pt-blk-peer',
      barrier: 'cost',
      technique: '3.2',
      channel: 'sms',
      achieved: 20,
      notAchieved: 20,
      blockIds: ['LZ-COST-SMS-01'],
    },
    { subject: 'pt-blk-peer', barrier: 'cost', technique: '12.1', channel: 'sms', achieved: 0, notAchieved: 40 },
    { subject: 'pt-blk-peer', barrier: 'cost', technique: '1.2', channel: 'sms', achieved: 0, notAchieved: 40 },
  ]);
  // Enough decided skips that the skip trial (1 run in 20, drawn from the run id) is over, and sending
  // nothing, never followed by a refill, loses every draw: each compose here reaches the block choice.
  await seedSkips(svc.pool, [{ subject: 'pt-blk-peer', barrier: 'cost', achieved: 0, notAchieved: 2 * SKIP_WARMUP }]);
});
afterAll(async () => {
  await svc?.close();
});

describe('per-block arms where the library offers alternatives', () => {
  it('chooses among the technique’s approved blocks by their posteriors, sends that block, and says why', async () => {
    const { answer, learning } = await composeCost('pt-blk-0001');
    expect(learning.used).toMatchObject({ technique: '3.2', channel: 'sms' });
    expect(learning.block.chosen).toBe('LZ-COST-SMS-02');
    const candidates = learning.block.candidates as Loose[];
    expect(candidates.map((c) => c.block)).toEqual(['LZ-COST-SMS-01', 'LZ-COST-SMS-02']);
    const [one, two] = candidates as [Loose, Loose];
    expect(two.others).toEqual({ achieved: 40, tried: 40 });
    expect(one.others).toEqual({ achieved: 20, tried: 40 });
    expect(two.mean).toBeGreaterThan(one.mean);
    for (const c of candidates) {
      expect(c.interval[0]).toBeLessThanOrEqual(c.mean);
      expect(typeof c.sample).toBe('number');
    }
    expect(answer.status).toBe('approved');
    expect(answer.compliance.verdict).toBe('pass');
    expect(answer.message.blocks.map((b: Loose) => b.id)).toContain('LZ-COST-SMS-02');
    expect(answer.message.blocks.map((b: Loose) => b.id)).not.toContain('LZ-COST-SMS-01');
    expect(answer.strategy.rationale).toMatch(/Of 2 approved blocks for it, chose LZ-COST-SMS-02: /);
  });

  it('follows the subject’s own outcomes with a block over the programme’s, and the composer sends that block', async () => {
    await seedOutcomes(svc.pool, [
      {
        subject: 'pt-blk-0003',
        barrier: 'cost',
        technique: '3.2',
        channel: 'sms',
        achieved: 60,
        notAchieved: 0,
        blockIds: ['LZ-COST-SMS-01'],
      },
      {
        subject: 'pt-blk-0003',
        barrier: 'cost',
        technique: '3.2',
        channel: 'sms',
        achieved: 0,
        notAchieved: 60,
        blockIds: ['LZ-COST-SMS-02'],
      },
    ]);
    const { answer, learning } = await composeCost('pt-blk-0003');
    expect(learning.used).toMatchObject({ technique: '3.2', channel: 'sms' });
    expect(learning.block.chosen).toBe('LZ-COST-SMS-01');
    const own = Object.fromEntries((learning.block.candidates as Loose[]).map((c) => [c.block, c.own]));
    expect(own).toEqual({
      'LZ-COST-SMS-01': { achieved: 60, tried: 60 },
      'LZ-COST-SMS-02': { achieved: 0, tried: 60 },
    });
    expect(answer.compliance.verdict).toBe('pass');
    expect(answer.message.blocks.map((b: Loose) => b.id)).toContain('LZ-COST-SMS-01');
    expect(answer.message.blocks.map((b: Loose) => b.id)).not.toContain('LZ-COST-SMS-02');
  });

  it('offers no block on a topic the subject switched off (LZ-COST-SMS-02 is about coverage)', async () => {
    const { learning, answer } = await composeCost('pt-blk-0002', ['coverage']);
    // One alternative is left for 3.2 by SMS, so there is no choice among blocks to make.
    expect(learning.block).toBeUndefined();
    expect(answer.message?.blocks.map((b: Loose) => b.id) ?? []).not.toContain('LZ-COST-SMS-02');
  });
});
