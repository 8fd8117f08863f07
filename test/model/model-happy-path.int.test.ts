import { describe, expect, it } from 'vitest';
import {
  COST_DIAGNOSIS,
  type ComposeAnswerBody,
  composeRequest,
  sensibleSelection,
  submitDiagnosis,
  useModelService,
  wellBehaved,
} from '../support/model-scripts.js';
import { byAgent, offeredTools } from '../support/scripted-openai.js';

const env = useModelService();

const compose = async (body = composeRequest()) => {
  const res = await env.svc.call('POST', '/v1/compose', { key: 'client', body });
  expect(res.status).toBe(200);
  return (await res.json()) as ComposeAnswerBody;
};

const traceSteps = async (traceId: string) => {
  const res = await env.svc.call('GET', `/v1/traces/${traceId}`, { key: 'reviewer' });
  expect(res.status).toBe(200);
  return ((await res.json()) as { steps: Array<Record<string, unknown> & { node?: string }> }).steps;
};

describe('model mode, happy path', () => {
  it('composes with one call per agent (diagnosis, block selection, review) and the model picks the blocks', async () => {
    env.model.setScript(byAgent(wellBehaved(COST_DIAGNOSIS)));
    const answer = await compose();
    expect(answer.status).toBe('approved');
    expect(answer.engine).toEqual({ mode: 'model', modelCalls: 3, fallbacks: [] });
    expect(answer.compliance.verdict).toBe('pass');
    expect(answer.diagnosis).toMatchObject({ barrier: 'cost', confidence: 0.86 });
    // Evidence is written by the service from the cited indexes, never by the model.
    expect(answer.diagnosis!.evidence).toEqual([
      'signals[0] refill_missed: cited by the model as evidence of cost',
      'signals[1] survey_response: cited by the model as evidence of cost',
    ]);
    const [diagnosis, selection, review] = env.model.requests;
    expect(answer.message!.blocks.map((b) => b.id)).toEqual(sensibleSelection(selection!));
    expect([diagnosis, selection, review].map((r) => offeredTools(r!))).toEqual([
      ['get_subject_history', 'get_barrier_definitions', 'submit_diagnosis'],
      ['select_blocks'],
      ['submit_review'],
    ]);
    expect(selection!.tool_choice).toEqual({ type: 'function', function: { name: 'select_blocks' } });
    expect(env.model.requests.every((r) => r.model === 'scripted-model' && r.temperature === 0)).toBe(true);

    const steps = await traceSteps(answer.traceId);
    const calls = steps.flatMap((s) => (s.modelCalls as Array<Record<string, unknown>> | undefined) ?? []);
    // Token counts come from the server's `usage`.
    expect(calls).toHaveLength(3);
    expect(calls[0]).toMatchObject({ model: 'scripted-model', promptTokens: 120, completionTokens: 30, ok: true });
    expect(steps.find((s) => s.node === 'assemble_message')?.engine).toBe('model');
  });

  it('runs a lookup the model asks for, then takes its structured answer, within 3 calls per message', async () => {
    env.model.setScript(
      byAgent({
        ...wellBehaved(COST_DIAGNOSIS),
        diagnosis: (req) =>
          req.messages.some((m) => m.role === 'tool')
            ? submitDiagnosis(COST_DIAGNOSIS)
            : { toolCalls: [{ name: 'get_subject_history', args: { subject: 'ignored' } }] },
      }),
    );
    const answer = await compose();
    expect(answer.status).toBe('approved');
    expect(answer.engine).toEqual({ mode: 'model', modelCalls: 3, fallbacks: [] });
    const [first, second] = env.model.requests;
    expect(first!.tool_choice).toBe('required');
    // The second call carries the tool's result and may only submit.
    expect(second!.tool_choice).toEqual({ type: 'function', function: { name: 'submit_diagnosis' } });
    const toolMessage = second!.messages.find((m) => m.role === 'tool');
    expect(JSON.parse(String(toolMessage!.content))).toEqual({ recentMessages: [], recentBarriers: [] });
    // Diagnosis (2) and selection (1) spend the budget, so the rules alone check this message.
    expect(env.model.requests.map((r) => offeredTools(r).at(-1))).toEqual([
      'submit_diagnosis',
      'submit_diagnosis',
      'select_blocks',
    ]);
    const steps = await traceSteps(answer.traceId);
    const diagnose = steps.find((s) => s.node === 'diagnose_barrier')!;
    expect(diagnose.toolCalls).toEqual([expect.objectContaining({ name: 'get_subject_history', args: {} })]);
    const check = steps.find((s) => s.node === 'check_compliance')!;
    expect(check.output).toMatchObject({ modelReview: 'skipped: model call budget spent' });
  });

  it('accepts structured JSON content from a server that answers without a tool call', async () => {
    env.model.setScript(
      byAgent({ ...wellBehaved(COST_DIAGNOSIS), diagnosis: () => ({ content: JSON.stringify(COST_DIAGNOSIS) }) }),
    );
    const answer = await compose();
    expect(answer.status).toBe('approved');
    expect(answer.engine).toEqual({ mode: 'model', modelCalls: 3, fallbacks: [] });
    expect(answer.diagnosis?.barrier).toBe('cost');
  });
});
