import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeCost, type Loose } from '../support/cost-compose.js';
import { reportOpened, seedSends } from '../support/sent-messages.js';
import { startTestService, type TestService } from '../support/service.js';

const PROGRAM = 'lumenzo-adherence';
const N = 10;
/**
 * Messages sent on each channel to each subject who opens one channel: more than the programme prior's
 * weight (10), so two mirror-image subjects, each the other's prior, still follow their own opens.
 */
const SENDS = 20;
let svc: TestService;

const putSettings = (learning: string) =>
  svc.call('PUT', `/v1/programs/${PROGRAM}/settings`, {
    key: 'strategist',
    // A high cap, so N composes for one subject all stay within it and reach the learner.
    body: { learning, frequencyCap: 100 },
  });

/** A cost run for a subject who consented to email and web, on the channel asked for; its plan_strategy step. */
async function compose(subject: string, channel: 'auto' | 'email' = 'auto') {
  const run = await composeCost(svc, PROGRAM, subject, undefined, { consents: { email: true, web: true }, channel });
  return { ...run, learning: run.step.output.learning as Loose | undefined };
}

/** A subject who opened every message on `opens` and none on the other channel (SENDS sent on each). */
async function opener(subject: string, opens: 'web' | 'email') {
  const other = opens === 'web' ? 'email' : 'web';
  await reportOpened(svc, subject, await seedSends(svc.pool, { subject, channel: opens, count: SENDS }));
  await seedSends(svc.pool, { subject, channel: other, count: SENDS });
}

/** How many of N composes chose each channel from opens, and the channels the messages went on. */
async function channelsOver(subject: string, channel: 'auto' | 'email' = 'auto') {
  const chosen: Array<string | undefined> = [];
  const sent: string[] = [];
  let learned = 0;
  for (let i = 0; i < N; i++) {
    const { answer, learning } = await compose(subject, channel);
    chosen.push(learning?.channel?.chosen);
    if (learning) learned += 1;
    if (answer.message) sent.push(answer.message.channel);
    // The learner's send goes on the channel chosen from opens (or the one named), and the message with it.
    if (learning?.used.channel) expect(learning.used.channel).toBe(learning.channel?.chosen ?? channel);
    if (learning?.used.channel && answer.message) expect(answer.message.channel).toBe(learning.used.channel);
  }
  return { chosen, sent, learned, count: (c: string) => chosen.filter((x) => x === c).length };
}

beforeAll(async () => {
  svc = await startTestService({ NOF1_JOBS: '0', NOF1_LEARNER_CACHE_MS: '0' });
  await opener('pt-open-web', 'web');
  await opener('pt-open-email', 'email');
});
afterAll(async () => {
  await svc?.close();
});

describe('learning on: the channel is chosen from the subject’s opens', () => {
  it('offers web over email to a subject who opens web and never email, and email to the reverse', async () => {
    expect((await putSettings('on')).status).toBe(200);
    const web = await channelsOver('pt-open-web');
    expect(web.learned).toBe(N);
    expect(web.count('web')).toBeGreaterThanOrEqual(0.8 * N);
    const email = await channelsOver('pt-open-email');
    expect(email.count('email')).toBeGreaterThanOrEqual(0.8 * N);
  });

  it('records the draw and the opens behind it, and says so in plain words without personal data', async () => {
    await putSettings('on');
    const { answer, learning, trace } = await compose('pt-open-web');
    const web = learning!.channel.candidates.find((c: Loose) => c.channel === 'web');
    const email = learning!.channel.candidates.find((c: Loose) => c.channel === 'email');
    expect(web).toMatchObject({ assumed: false, own: { opened: SENDS, sent: SENDS } });
    expect(email).toMatchObject({ assumed: false, own: { opened: 0, sent: SENDS } });
    // The other subject's opens are the programme's prior for this one.
    expect(web.others).toEqual({ opened: 0, sent: SENDS });
    expect(email.others).toEqual({ opened: SENDS, sent: SENDS });
    if (learning!.used.technique !== 'skip') {
      expect(answer.strategy.rationale).toContain('The channel was chosen from how often messages are opened');
      expect(answer.strategy.rationale).toContain(`this person opened ${SENDS} of ${SENDS}`);
    }
    expect(JSON.stringify(trace.steps)).not.toContain('pt-open-');
  });

  it('never overrides a channel the request names', async () => {
    await putSettings('on');
    const named = await channelsOver('pt-open-web', 'email');
    expect(named.learned).toBe(N);
    expect(named.chosen.every((c) => c === undefined)).toBe(true);
    expect(named.sent.every((c) => c === 'email')).toBe(true);
  });
});

describe('learning off', () => {
  it('changes nothing: no learner record, and a web opener gets the table’s strategy and channel like a subject with no opens', async () => {
    expect((await putSettings('off')).status).toBe(200);
    await opener('pt-open-web-off', 'web');
    const plain = await compose('pt-open-none');
    const { answer, learning } = await compose('pt-open-web-off');
    expect(learning).toBeUndefined();
    expect(answer.strategy).toEqual(plain.answer.strategy);
    expect(plain.answer.message.channel).toBe('email');
    expect(answer.message.channel).toBe('email');
  });
});

describe('erasure', () => {
  it('removes the subject’s opens from the learner, for them and as everyone else’s prior', async () => {
    await putSettings('on');
    await opener('pt-open-gone', 'web');
    const before = (await compose('pt-open-stay')).learning!.channel.candidates as Loose[];
    const webBefore = before.find((c) => c.channel === 'web')!.others;
    expect((await svc.call('DELETE', '/v1/subjects/pt-open-gone', { key: 'admin' })).status).toBe(200);
    const after = (await compose('pt-open-stay')).learning!.channel.candidates as Loose[];
    expect(after.find((c) => c.channel === 'web')!.others).toEqual({
      opened: webBefore.opened - SENDS,
      sent: webBefore.sent - SENDS,
    });
    const self = (await compose('pt-open-gone')).learning!.channel.candidates as Loose[];
    for (const c of self) expect(c.own).toEqual({ opened: 0, sent: 0 });
  });
});
