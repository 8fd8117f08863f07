import { describe, expect, it } from 'vitest';
import {
  COST_DIAGNOSIS,
  type ComposeAnswerBody,
  composeRequest,
  selectIds,
  sensibleSelection,
  submitDiagnosis,
  useModelService,
  wellBehaved,
} from '../support/model-scripts.js';
import { byAgent, type Reply } from '../support/scripted-openai.js';

const env = useModelService();

const compose = async () => {
  const res = await env.svc.call('POST', '/v1/compose', { key: 'client', body: composeRequest() });
  expect(res.status).toBe(200);
  return (await res.json()) as ComposeAnswerBody;
};

/** The same answer a client gets offline: approved, every rule passing, a body of approved blocks. */
function expectCorrectAndCompliant(answer: ComposeAnswerBody) {
  expect(answer.status).toBe('approved');
  expect(answer.diagnosis?.barrier).toBe('cost');
  expect(answer.compliance.verdict).toBe('pass');
  expect(answer.compliance.checks.every((c) => c.passed)).toBe(true);
  expect(answer.message!.body.length).toBeGreaterThan(0);
  expect(answer.engine.mode).toBe('model');
  expect(answer.engine.modelCalls).toBeLessThanOrEqual(3);
}

const toolOf = (reply: Reply) => ('toolCalls' in reply ? reply.toolCalls[0]!.name : 'unknown');
// A timeout spends the run's model time, so the steps after it do not call the model at all: timeouts
// have tests of their own (model-faults.int.test.ts).
const FAILURES: Array<[string, (good: Reply) => Reply, RegExp]> = [
  ['prose instead of a tool call', () => ({ content: 'The barrier is probably cost.' }), /invalid output: no \w+ call/],
  [
    'tool arguments that are not JSON',
    (ok) => ({ toolCalls: [{ name: toolOf(ok), args: '{"barrier": "cost", ' }] }),
    /invalid output: \w+ arguments are not valid JSON/,
  ],
  ['HTTP 429', () => ({ status: 429 }), /HTTP 429 rate limited/],
  ['HTTP 500', () => ({ status: 500 }), /HTTP 500/],
  ['HTTP 503', () => ({ status: 503 }), /HTTP 503/],
];
const good = {
  diagnosis: submitDiagnosis(COST_DIAGNOSIS),
  review: { toolCalls: [{ name: 'submit_review', args: { findings: [] } }] },
};

describe('a failing model falls back to the offline engine for that step only', () => {
  it.each(FAILURES)('diagnosis: %s', async (_name, failure, reason) => {
    env.model.setScript(byAgent({ ...wellBehaved(COST_DIAGNOSIS), diagnosis: () => failure(good.diagnosis) }));
    const answer = await compose();
    expectCorrectAndCompliant(answer);
    expect(answer.engine.fallbacks).toEqual([expect.stringMatching(/^diagnose_barrier: model failed \(/)]);
    expect(answer.engine.fallbacks[0]).toMatch(reason);
    expect(answer.engine.fallbacks[0]).toMatch(/offline engine used$/);
    // The offline engine's evidence, not the model's.
    expect(answer.diagnosis!.evidence.join(' ')).not.toMatch(/cited by the model/);
    expect(answer.engine.modelCalls).toBe(3);
  });

  it.each(FAILURES)('block selection: %s', async (_name, failure, reason) => {
    env.model.setScript(
      byAgent({ ...wellBehaved(COST_DIAGNOSIS), selection: (req) => failure(selectIds(sensibleSelection(req))) }),
    );
    const answer = await compose();
    expectCorrectAndCompliant(answer);
    expect(answer.engine.fallbacks).toEqual([expect.stringMatching(/^assemble_message: model failed \(/)]);
    expect(answer.engine.fallbacks[0]).toMatch(reason);
  });

  it.each(FAILURES)('review: %s', async (_name, failure, reason) => {
    env.model.setScript(byAgent({ ...wellBehaved(COST_DIAGNOSIS), review: () => failure(good.review) }));
    const answer = await compose();
    expectCorrectAndCompliant(answer);
    expect(answer.engine.fallbacks).toEqual([expect.stringMatching(/^check_compliance: model review failed \(/)]);
    expect(answer.engine.fallbacks[0]).toMatch(reason);
    expect(answer.engine.fallbacks[0]).toMatch(/rules only$/);
  });
});

describe('a diagnosis that does not fit the schema is not used', () => {
  it.each([
    ['an unknown barrier', { ...COST_DIAGNOSIS, barrier: 'money' }],
    ['a confidence above 1', { ...COST_DIAGNOSIS, confidence: 1.7 }],
    [
      'evidence citing a signal the request does not have',
      { ...COST_DIAGNOSIS, evidence: [{ signal: 7, type: 'refill_missed' }] },
    ],
    ['evidence with the wrong signal type', { ...COST_DIAGNOSIS, evidence: [{ signal: 0, type: 'chat_message' }] }],
    ['free text as evidence', { ...COST_DIAGNOSIS, evidence: ['they said they cannot pay'] }],
  ])('%s', async (_name, args) => {
    env.model.setScript(byAgent({ ...wellBehaved(COST_DIAGNOSIS), diagnosis: () => submitDiagnosis(args) }));
    const answer = await compose();
    expectCorrectAndCompliant(answer);
    expect(answer.engine.fallbacks).toEqual([
      expect.stringMatching(/^diagnose_barrier: model failed \(invalid output/),
    ]);
  });

  it('a call of a tool it was not offered', async () => {
    const stray: Reply = { toolCalls: [{ name: 'send_sms', args: { text: 'Lumenzo cures diabetes' } }] };
    env.model.setScript(byAgent({ ...wellBehaved(COST_DIAGNOSIS), diagnosis: () => stray }));
    const answer = await compose();
    expectCorrectAndCompliant(answer);
    expect(answer.engine.fallbacks).toEqual([
      expect.stringMatching(/^diagnose_barrier: model failed \(invalid output/),
    ]);
  });
});

describe('the model can only choose among the candidate blocks', () => {
  it.each([
    ['an id that does not exist', ['LZ-GREET-SMS', 'LZ-MADE-UP-99']],
    ['a real block for another channel', ['LZ-GREET-EMAIL']],
    ['an expired block', ['LZ-GREET-SMS', 'LZ-COST-OLD-01']],
  ])('%s: falls back to the offline selection', async (_name, ids) => {
    env.model.setScript(byAgent({ ...wellBehaved(COST_DIAGNOSIS), selection: () => selectIds(ids) }));
    const answer = await compose();
    expectCorrectAndCompliant(answer);
    expect(answer.engine.fallbacks).toEqual([
      expect.stringContaining(
        'assemble_message: model failed (invalid output: a chosen id is not among the candidates)',
      ),
    ]);
    const sent = answer.message!.blocks.map((b) => b.id);
    expect(sent).not.toContain('LZ-MADE-UP-99');
    expect(sent).not.toContain('LZ-GREET-EMAIL');
    expect(sent).not.toContain('LZ-COST-OLD-01');
  });

  it('a block chosen twice falls back too', async () => {
    env.model.setScript(
      byAgent({
        ...wellBehaved(COST_DIAGNOSIS),
        selection: (req) => selectIds([...sensibleSelection(req), 'LZ-GREET-SMS']),
      }),
    );
    const answer = await compose();
    expectCorrectAndCompliant(answer);
    expect(answer.engine.fallbacks).toEqual([expect.stringContaining('a block was chosen twice')]);
  });
});
