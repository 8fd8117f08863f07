import { describe, expect, it } from 'vitest';
import {
  COST_DIAGNOSIS,
  type ComposeAnswerBody,
  composeRequest,
  selectIds,
  submitReview,
  useModelService,
  wellBehaved,
} from '../support/model-scripts.js';
import { byAgent, dataIn, offeredTools } from '../support/scripted-openai.js';

const env = useModelService();

const compose = async (body: unknown) => {
  const res = await env.svc.call('POST', '/v1/compose', { key: 'client', body });
  expect(res.status).toBe(200);
  return (await res.json()) as ComposeAnswerBody;
};
const reviewRequest = () => env.model.requests.find((r) => offeredTools(r).includes('submit_review'));

describe('the model reviewer adds findings; it never decides a rule', () => {
  it('a finding blocks the message, with its detail redacted and shortened', async () => {
    const detail = `Implies Lumenzo works for everyone; the subject Maria Lopez (415-555-0199) may read it as a promise. ${'x'.repeat(300)}`;
    env.model.setScript(
      byAgent({ ...wellBehaved(COST_DIAGNOSIS), review: () => submitReview({ findings: [{ detail }] }) }),
    );
    const body = composeRequest({
      subject: { id: 'pt-review-1', audience: 'patient', consents: { sms: true }, name: 'Maria Lopez' },
    });
    const answer = await compose(body);
    expect(answer.status).toBe('blocked');
    expect(answer.message).toBeNull();
    const finding = answer.compliance.checks.find((c) => c.rule === 'model_review')!;
    expect(finding.passed).toBe(false);
    expect(finding.detail).toMatch(/^Implies Lumenzo works for everyone; the subject \[NAME\] \(\[PHONE\]\)/);
    expect(finding.detail).not.toMatch(/Maria|415-555-0199/);
    expect(finding.detail.length).toBeLessThanOrEqual(200);
    // Every deterministic rule still passed and is still reported.
    expect(answer.compliance.checks.filter((c) => c.rule !== 'model_review').every((c) => c.passed)).toBe(true);
    // Not fixable by swapping blocks: no revision round asked the model again.
    expect(env.model.requests.filter((r) => offeredTools(r).includes('select_blocks'))).toHaveLength(1);
  });

  it('cannot pass a failing rule, whatever it answers', async () => {
    // The model sees consent failing and tries every way the answer could carry a pass.
    const overrule = submitReview({
      findings: [],
      verdict: 'pass',
      checks: [{ rule: 'consent', passed: true, detail: 'consent is fine' }],
    });
    env.model.setScript(byAgent({ ...wellBehaved(COST_DIAGNOSIS), review: () => overrule }));
    const answer = await compose(composeRequest({ subject: { id: 'pt-review-2', audience: 'patient', consents: {} } }));
    // The reviewer was asked, and saw the failing rule as data.
    const results = dataIn<Array<{ rule: string; passed: boolean }>>(reviewRequest()!, 'rule_results');
    expect(results).toContainEqual({ rule: 'consent', passed: false });
    expect(answer.status).toBe('blocked');
    expect(answer.compliance.verdict).toBe('fail');
    const consent = answer.compliance.checks.filter((c) => c.rule === 'consent');
    expect(consent).toEqual([expect.objectContaining({ passed: false })]);
    expect(answer.engine.fallbacks).toEqual([]);
  });
});

describe('the deterministic rules check what the model chose', () => {
  it('a claim chosen without its ISI fails fair balance, and the revision (offline, budget spent) fixes it', async () => {
    const necessity = {
      barrier: 'necessity',
      confidence: 0.8,
      evidence: [{ signal: 1, type: 'survey_response' }],
      alternatives: [],
    };
    env.model.setScript(
      byAgent({
        ...wellBehaved(necessity),
        // A claim that requires Important Safety Information, sent without it.
        selection: (req) => {
          const ids = dataIn<Array<{ id: string; kind: string }>>(req, 'candidates').map((c) => c.id);
          expect(ids).toContain('LZ-CLAIM-NEC-SMS');
          return selectIds(['LZ-GREET-SMS', 'LZ-CLAIM-NEC-SMS', 'LZ-CTA-SMS-01']);
        },
      }),
    );
    const signals = [
      { type: 'refill_missed', at: '2026-11-20T10:00:00Z', data: { daysLate: 9 } },
      {
        type: 'survey_response',
        data: { question: 'What got in the way?', answer: 'I feel fine, not sure I need it' },
      },
    ];
    const answer = await compose(composeRequest({ signals }));
    expect(answer.status).toBe('approved');
    expect(answer.compliance.checks.every((c) => c.passed)).toBe(true);
    expect(answer.engine).toEqual({ mode: 'model', modelCalls: 3, fallbacks: [] });
    const res = await env.svc.call('GET', `/v1/traces/${answer.traceId}`, { key: 'reviewer' });
    const steps = ((await res.json()) as { steps: Array<{ node?: string; engine?: string; output?: unknown }> }).steps;
    const checks = steps.filter((s) => s.node === 'check_compliance');
    expect(checks[0]!.output).toMatchObject({ failing: ['fair_balance'], next: 'revise' });
    expect(steps.filter((s) => s.node === 'assemble_message').map((s) => s.engine)).toEqual(['model', 'offline']);
  });
});
