import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposeAnswer } from '../../src/domain/compose.js';
import { BARRIER_SIGNALS, compose, composeRequest, failedRules } from '../support/compose-fixtures.js';
import { startTestService, type TestService } from '../support/service.js';

const CRISIS = [{ type: 'chat_message', data: { text: "I can't do this anymore, I want to end it all." } }];

describe('consent is settled before content, and crisis language always reaches a human', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService();
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('blocks on consent, not a content gap, when the one requested channel is unconsented and has no content', async () => {
    // The clinician programme has no SMS blocks at all: without the consent-first rule this was a content gap.
    const a = await compose(
      svc,
      composeRequest({
        program: 'lumenzo-hcp',
        audience: 'hcp',
        channel: 'sms',
        consents: { sms: false, email: true },
        signals: BARRIER_SIGNALS.access,
      }),
    );
    expect(a.status).toBe('blocked');
    expect(failedRules(a)).toEqual(['consent']);
    expect(a.review).toBeUndefined();
    const gaps = (await (await svc.call('GET', '/v1/content/gaps', { key: 'strategist' })).json()) as {
      gaps: Array<{ program: string; channel: string }>;
    };
    expect(gaps.gaps.some((g) => g.program === 'lumenzo-hcp' && g.channel === 'sms')).toBe(false);
  });

  it('holds crisis language for a human even when consent fails, and approval cannot send it', async () => {
    const held = await compose(svc, composeRequest({ channel: 'sms', consents: { sms: false }, signals: CRISIS }));
    expect(held.status).toBe('needs_review');
    expect(held.review?.reason).toMatch(/^crisis: signals \[0\]/);
    expect(failedRules(held)).toContain('consent');
    const res = await svc.call('POST', `/v1/reviews/${held.review!.id}/decision`, {
      key: 'reviewer',
      body: { decision: 'approve', note: 'called the patient' },
    });
    expect(res.status).toBe(200);
    const { answer } = (await res.json()) as { answer: ComposeAnswer };
    expect(answer.status).toBe('blocked');
    expect(answer.message).toBeNull();
    expect(failedRules(answer)).toContain('consent');
  });
});
