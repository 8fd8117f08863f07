import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposeAnswer } from '../../src/domain/compose.js';
import { compose, getJson, type Trace } from '../support/compose-requests.js';
import { COST_DIAGNOSIS, wellBehaved } from '../support/model-scripts.js';
import { type OtlpReceiver, type ReceivedSpan, startOtlpReceiver } from '../support/otlp-receiver.js';
import { personalRequest } from '../support/personal-request.js';
import { leakedValues, PERSONAL_FRAGMENTS, pseudonymousId } from '../support/personal-seed.js';
import { byAgent, type ScriptedOpenAI, startScriptedOpenAI } from '../support/scripted-openai.js';
import { startTestService } from '../support/service.js';

// OTLP JSON enums: SpanKind is the API's value + 1; status code 2 is ERROR.
const KIND = { internal: 1, client: 3 };
const ERROR = 2;
const AGENT_NODES = ['diagnose_barrier', 'plan_strategy', 'assemble_message', 'check_compliance'];

let otlp: OtlpReceiver;
let model: ScriptedOpenAI;
const ids = [pseudonymousId(), pseudonymousId(), pseudonymousId()];
type Run = { answer: ComposeAnswer; trace: Trace };
const run = {} as Record<'approved' | 'fallback' | 'held', Run>;
let spans: ReceivedSpan[];

beforeAll(async () => {
  otlp = await startOtlpReceiver();
  model = await startScriptedOpenAI();
  const svc = await startTestService({
    NOF1_MODEL_BASE_URL: model.baseUrl,
    NOF1_MODEL: 'scripted-model',
    NOF1_MODEL_TIMEOUT_MS: '500',
    NOF1_MODEL_MAX_RETRIES: '0',
    OTEL_EXPORTER_OTLP_ENDPOINT: otlp.endpoint,
  });
  try {
    const composeRun = async (id: string, status?: ComposeAnswer['status']) => {
      const answer = await compose(svc, personalRequest(id), status);
      return { answer, trace: await getJson<Trace>(svc, `/v1/traces/${answer.traceId}`) };
    };
    model.setScript(byAgent(wellBehaved(COST_DIAGNOSIS)));
    run.approved = await composeRun(ids[0]!, 'approved');
    model.setScript(byAgent({ ...wellBehaved(COST_DIAGNOSIS), diagnosis: () => ({ status: 500 }) }));
    run.fallback = await composeRun(ids[1]!);
    model.setScript(byAgent(wellBehaved({ ...COST_DIAGNOSIS, confidence: 0.3 })));
    run.held = await composeRun(ids[2]!, 'needs_review');
    const note = 'Called Marisol Quintanilla-Vega back on (415) 555-0134, fine to send.';
    const decided = await svc.call('POST', `/v1/reviews/${run.held.answer.review!.id}/decision`, {
      key: 'reviewer',
      body: { decision: 'approve', note },
    });
    expect(decided.status).toBe(200);
  } finally {
    // close() flushes the batch processor: every span is at the receiver once it resolves.
    await svc.close();
  }
  spans = otlp.spans();
});
afterAll(async () => {
  await model?.close();
  await otlp?.close();
});

const rootsOf = (runId: string) => spans.filter((s) => !s.parentSpanId && s.attributes['nof1.run.id'] === runId);
const childrenOf = (parent: ReceivedSpan) =>
  spans.filter((s) => s.parentSpanId === parent.spanId).sort((a, b) => Number(a.startNs - b.startNs));
const only = <T>(list: T[]): T => {
  expect(list).toHaveLength(1);
  return list[0]!;
};
const agentSpan = (root: ReceivedSpan, node: string) =>
  only(childrenOf(root).filter((s) => s.attributes['nof1.node'] === node));

describe('OpenTelemetry GenAI spans of finished runs', () => {
  it('exports one root invoke_agent span per run with run id, trace id, status and barrier', () => {
    for (const { answer } of [run.approved, run.fallback]) {
      const root = only(rootsOf(answer.id));
      expect(root.name).toBe('invoke_agent nof1-compose');
      expect(root.resource['service.name']).toBe('nof1');
      expect(root.attributes).toMatchObject({
        'gen_ai.operation.name': 'invoke_agent',
        'gen_ai.agent.name': 'nof1-compose',
        'nof1.trace.id': answer.traceId,
        'nof1.status': answer.status,
        'nof1.barrier': answer.diagnosis!.barrier,
        'nof1.resumed': false,
      });
      // The run is one OTel trace: a single root, and every parent link resolves inside it.
      const inTrace = spans.filter((s) => s.traceId === root.traceId);
      const spanIds = new Set(inTrace.map((s) => s.spanId));
      expect(inTrace.filter((s) => !s.parentSpanId)).toEqual([root]);
      expect(inTrace.every((s) => !s.parentSpanId || spanIds.has(s.parentSpanId))).toBe(true);
      expect(inTrace.length).toBeGreaterThan(10);
    }
  });

  it('has a child per graph step, with the trace’s real start times and durations', () => {
    const { answer, trace } = run.approved;
    const root = only(rootsOf(answer.id));
    const steps = childrenOf(root);
    expect(steps.map((s) => s.attributes['nof1.node'])).toEqual(trace.steps.map((s) => s.node));
    steps.forEach((span, i) => {
      const step = trace.steps[i]!;
      expect(span.startNs / 1_000_000n).toBe(BigInt(Date.parse(step.startedAt)));
      expect(Number(span.endNs - span.startNs) / 1e6).toBeCloseTo(step.durationMs, 3);
      expect(span.startNs >= root.startNs && span.endNs <= root.endNs).toBe(true);
      expect(span.attributes['nof1.engine']).toBe(step.engine);
      if (step.agent) {
        expect(span.name).toBe(`invoke_agent ${step.agent}`);
        expect(span.attributes).toMatchObject({
          'gen_ai.operation.name': 'invoke_agent',
          'gen_ai.agent.name': step.agent,
        });
      } else expect(span.name).toBe(step.node);
    });
    expect(steps.filter((s) => AGENT_NODES.includes(String(s.attributes['nof1.node']))).map((s) => s.name)).toEqual([
      'invoke_agent barrier-diagnosis',
      'invoke_agent strategy',
      'invoke_agent composer',
      'invoke_agent compliance',
    ]);
  });

  it('puts execute_tool spans for the content tools under the composer', () => {
    const composer = agentSpan(only(rootsOf(run.approved.answer.id)), 'assemble_message');
    const tools = childrenOf(composer).filter((s) => s.attributes['gen_ai.operation.name'] === 'execute_tool');
    expect(tools.map((s) => s.name)).toEqual(['execute_tool search_content', 'execute_tool list_blocks']);
    for (const t of tools) {
      expect(t.kind).toBe(KIND.internal);
      expect(t.attributes['gen_ai.tool.name']).toBe(t.name.replace('execute_tool ', ''));
      expect(t.attributes['nof1.tool.result_count']).toBeGreaterThan(0);
      // Arguments and results stay in the trace; only their count is exported.
      expect(Object.keys(t.attributes).some((k) => /arguments|result$/.test(k))).toBe(false);
    }
  });

  it('puts a chat span with token usage under each agent that called the model', () => {
    const root = only(rootsOf(run.approved.answer.id));
    for (const node of ['diagnose_barrier', 'assemble_message', 'check_compliance']) {
      const chat = only(childrenOf(agentSpan(root, node)).filter((s) => s.name.startsWith('chat ')));
      expect(chat.name).toBe('chat scripted-model');
      expect(chat.kind).toBe(KIND.client);
      expect(chat.status.code).not.toBe(ERROR);
      expect(chat.attributes).toMatchObject({
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.request.model': 'scripted-model',
        'gen_ai.usage.input_tokens': 120,
        'gen_ai.usage.output_tokens': 30,
      });
    }
  });

  it('marks a failed model call as an error and the step as fallen back to offline', () => {
    const diagnose = agentSpan(only(rootsOf(run.fallback.answer.id)), 'diagnose_barrier');
    expect(diagnose.attributes['nof1.engine']).toBe('offline');
    expect(diagnose.attributes['nof1.fallback']).toMatch(/^model failed \(HTTP 500/);
    const chat = only(childrenOf(diagnose));
    expect(chat.status).toMatchObject({ code: ERROR, message: expect.stringMatching(/HTTP 500/) });
    expect(chat.attributes['error.type']).toMatch(/HTTP 500/);
    expect(chat.attributes['gen_ai.usage.input_tokens']).toBeUndefined();
  });

  it('exports a held run twice: when it stops for review and when the decision resumes it', () => {
    const [held, resumed] = rootsOf(run.held.answer.id).sort((a, b) => Number(a.startNs - b.startNs));
    expect(held!.attributes).toMatchObject({ 'nof1.status': 'needs_review', 'nof1.resumed': false });
    expect(resumed!.attributes).toMatchObject({ 'nof1.status': 'approved', 'nof1.resumed': true });
    expect(childrenOf(resumed!).map((s) => s.name)).toEqual(['invoke_agent reviewer', 'finalize']);
  });

  it('never exports a personal value or a subject id', () => {
    const payload = otlp.bodies.join('\n');
    expect(payload.length).toBeGreaterThan(1000);
    expect(leakedValues(`x ${PERSONAL_FRAGMENTS[0]} y`, PERSONAL_FRAGMENTS)).not.toEqual([]);
    expect(leakedValues(payload, [...PERSONAL_FRAGMENTS, ...ids])).toEqual([]);
  });
});
