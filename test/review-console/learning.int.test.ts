import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKIP_WARMUP } from '../../agents/learning/skip-trial.js';
import { composeCost as composeCostRun } from '../support/cost-compose.js';
import { seedOutcomes, seedSkips } from '../support/outcome-rows.js';
import { reportOpened, seedSends } from '../support/sent-messages.js';
import { KEYS, startTestService, type TestService } from '../support/service.js';
import { launchBrowser, type TestBrowser } from './browser.js';
import { signIn, textOf, watchErrors } from './console-page.js';

const PROGRAM = 'lumenzo-adherence';
let svc: TestService;
let browser: TestBrowser;

/** A cost run on SMS: its trace id, and whether the learner tried sending nothing (the skip trial). */
async function composeCost(subject: string) {
  const { answer, step } = await composeCostRun(svc, PROGRAM, subject);
  return { traceId: answer.traceId as string, skipTrial: step.output.learning?.skipTrial === true };
}

beforeAll(async () => {
  [svc, browser] = await Promise.all([
    startTestService({ NOF1_JOBS: '0', NOF1_LEARNER_CACHE_MS: '0' }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await svc?.close();
});

describe('a learned choice on the run page', () => {
  it('explains the choice in plain words, with every allowed option’s posterior', async () => {
    await svc.call('PUT', `/v1/programs/${PROGRAM}/settings`, { key: 'strategist', body: { learning: 'on' } });
    // Sending nothing has no outcomes yet, so 1 run in 20 (drawn from the random run id) tries it instead of
    // a message. Such a run is checked for its own sentence; the next subject's run then gives the usual card.
    for (const subject of ['pt-console-learn', 'pt-console-learn-2', 'pt-console-learn-3']) {
      await seedOutcomes(svc.pool, [
        { subject, barrier: 'cost', technique: '12.1', channel: 'sms', achieved: 3, notAchieved: 1 },
      ]);
      const { traceId, skipTrial } = await composeCost(subject);
      const page = await browser.context.newPage();
      const errors = watchErrors(page);
      await signIn(page, svc.url, KEYS.reviewer);
      await page.goto(`${svc.url}/review#/run/${traceId}`);
      const sentence = await textOf(page, '#learning-sentence');
      if (skipTrial) {
        expect(sentence).toMatch(
          /^Chose to send nothing, to learn what follows without a message: \d+ of the \d+ outcomes of skipped runs/,
        );
        expect(await page.locator('#learning-skip').count()).toBe(0);
        expect(errors).toEqual([]);
        await page.close();
        continue;
      }
      expect(sentence).toMatch(/^Chose (12\.1|3\.2|1\.2) .+ on SMS: /);
      expect(sentence).toMatch(/exploring a less-tried option|best estimated chance/);
      if (sentence.startsWith('Chose 12.1')) expect(sentence).toContain('it has worked for this person 3 of 4 times');
      const rows = await page.locator('#learning-candidates tbody tr').allTextContents();
      expect(rows.some((r) => r.includes('12.1') && r.includes('3 of 4'))).toBe(true);
      expect(await textOf(page, '#learning-skip')).toBe(
        'Sending nothing was not weighed in this draw: too few outcomes of skipped runs are recorded yet.',
      );
      expect(errors).toEqual([]);
      await page.close();
      return;
    }
    throw new Error('three runs in a row tried sending nothing (about 1 chance in 8,000)');
  });

  it('says which of the technique’s approved blocks was chosen, and why', async () => {
    await svc.call('PUT', `/v1/programs/${PROGRAM}/settings`, { key: 'strategist', body: { learning: 'on' } });
    // Past the skip trial (1 run in 20, drawn from the random run id), with sending nothing never followed
    // by a refill: the compose reaches the block choice.
    await seedSkips(svc.pool, [
      { subject: 'pt-console-peer', barrier: 'cost', achieved: 0, notAchieved: 2 * SKIP_WARMUP },
    ]);
    await seedOutcomes(svc.pool, [
      {
        subject: 'pt-console-blk',
        barrier: 'cost',
        technique: '3.2',
        channel: 'sms',
        achieved: 50,
        notAchieved: 0,
        blockIds: ['LZ-COST-SMS-02'],
      },
      {
        subject: 'pt-console-blk',
        barrier: 'cost',
        technique: '3.2',
        channel: 'sms',
        achieved: 0,
        notAchieved: 30,
        blockIds: ['LZ-COST-SMS-01'],
      },
      { subject: 'pt-console-peer', barrier: 'cost', technique: '12.1', channel: 'sms', achieved: 0, notAchieved: 60 },
      { subject: 'pt-console-peer', barrier: 'cost', technique: '1.2', channel: 'sms', achieved: 0, notAchieved: 60 },
    ]);
    const { traceId } = await composeCost('pt-console-blk');
    const page = await browser.context.newPage();
    await signIn(page, svc.url, KEYS.reviewer);
    await page.goto(`${svc.url}/review#/run/${traceId}`);
    expect(await textOf(page, '#learning-block')).toMatch(
      /^Of 2 approved blocks for this option, chose LZ-COST-SMS-02: the target behaviour followed it 50 of 50 times for this person and 0 of 0 times for others; it has the best estimated chance among them \(\d+%, 95% credible interval \d+%–\d+%\)\.$/,
    );
    await page.close();
  });

  it('says the channel was chosen from opens, with the opens behind each channel', async () => {
    await svc.call('PUT', `/v1/programs/${PROGRAM}/settings`, { key: 'strategist', body: { learning: 'on' } });
    await reportOpened(
      svc,
      'pt-console-opens',
      await seedSends(svc.pool, { subject: 'pt-console-opens', channel: 'web', count: 4 }),
    );
    await seedSends(svc.pool, { subject: 'pt-console-opens', channel: 'email', count: 2 });
    const answer = await svc.call('POST', '/v1/compose', {
      key: 'client',
      body: {
        subject: { id: 'pt-console-opens', audience: 'patient', consents: { email: true, web: true } },
        program: PROGRAM,
        channel: 'auto',
        signals: [
          { type: 'survey_response', data: { question: 'What got in the way?', answer: 'the copay is too expensive' } },
        ],
      },
    });
    const { traceId } = (await answer.json()) as { traceId: string };
    const page = await browser.context.newPage();
    await signIn(page, svc.url, KEYS.reviewer);
    await page.goto(`${svc.url}/review#/run/${traceId}`);
    const sentence = await textOf(page, '#learning-channel');
    expect(sentence).toMatch(
      /^The channel was chosen from how often messages are opened: (email|the web) drew the best chance/,
    );
    expect(sentence).toContain('the web: this person opened 4 of 4, none sent to others yet');
    expect(sentence).toContain('email: this person opened 0 of 2, none sent to others yet');
    await page.close();
  });

  it('in shadow mode says the table chose and what the learner would have done', async () => {
    await svc.call('PUT', `/v1/programs/${PROGRAM}/settings`, { key: 'strategist', body: { learning: 'shadow' } });
    const { traceId } = await composeCost('pt-console-shadow');
    const page = await browser.context.newPage();
    await signIn(page, svc.url, KEYS.reviewer);
    await page.goto(`${svc.url}/review#/run/${traceId}`);
    expect(await textOf(page, '#learning-shadow')).toMatch(
      /^Shadow mode: the design table's choice \(3\.2 .+ on SMS\) was used\./,
    );
    await page.close();
  });
});

describe('the insights page', () => {
  it('shows the best action, each option’s chance and what never wins, for a strategist key', async () => {
    await seedOutcomes(svc.pool, [
      {
        program: 'lumenzo-hcp',
        subject: 'hcp-a',
        barrier: 'cost',
        technique: '3.2',
        channel: 'email',
        achieved: 30,
        notAchieved: 10,
        blockIds: ['HCP-GOOD'],
      },
      {
        program: 'lumenzo-hcp',
        subject: 'hcp-b',
        barrier: 'cost',
        technique: '1.2',
        channel: 'email',
        achieved: 2,
        notAchieved: 38,
        blockIds: ['HCP-POOR'],
      },
    ]);
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await signIn(page, svc.url, KEYS.admin);
    await page.getByRole('link', { name: 'Insights' }).click();
    await page.locator('#insights-program option[value="lumenzo-hcp"]').waitFor({ state: 'attached' });
    await page.locator('#insights-program').selectOption('lumenzo-hcp');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.locator('#insights-options').waitFor();
    expect(await textOf(page, '#insights-best')).toMatch(
      /^cost on email: 3\.2 has the best estimate \(74%; 100% chance it is the best\)\.$/,
    );
    expect(await textOf(page, '#insights-never')).toContain('HCP-POOR: achieved 2 of 40');
    const rows = await page.locator('#insights-blocks tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('tells a reviewer without the strategist role that insights need one', async () => {
    const page = await browser.context.newPage();
    await signIn(page, svc.url, KEYS.reviewer);
    await page.goto(`${svc.url}/review#/insights`);
    expect(await textOf(page, '#insights-error:not([hidden])')).toBe('Insights need a strategist key.');
    await page.close();
  });
});
