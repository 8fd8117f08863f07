import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { fakeModel } from '@langchain/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModelSafetyEngine } from '../../agents/safety/model-safety-engine.js';
import { createOfflineSafetyEngine } from '../../agents/safety/offline-safety-engine.js';
import type { SafetyEngine } from '../../agents/safety/safety-types.js';
import { createComposeStack } from '../../src/compose/compose-stack.js';
import type { ComposeRequest } from '../../src/domain/compose.js';
import type { StepRecord } from '../../src/domain/step.js';
import { createLogger } from '../../src/logger.js';
import { loadDemoLibrary, type Runtime } from '../../src/runtime.js';
import { BARRIER_SIGNALS, composeRequest, openMemoryRuntime } from '../support/compose-fixtures.js';

// The real graph and store with triage engines a test controls: one that throws, one that finds what it is told.
let runtime: Runtime;
beforeAll(async () => {
  runtime = await openMemoryRuntime();
  await loadDemoLibrary(runtime, createLogger('silent'));
});
afterAll(() => runtime?.store.close());

const throwing: SafetyEngine = {
  name: 'offline',
  triage: async () => {
    throw new Error('model timed out after 5000 ms');
  },
};
/** Reports one finding of the given kind on every free text. */
const finding = (kind: 'crisis' | 'adverse_event'): SafetyEngine => ({
  name: 'offline',
  triage: async ({ texts }) => ({
    findings: texts.map((t) => ({
      kind,
      score: 0.9,
      source: 'rule' as const,
      cues: ['test'],
      signalIndex: t.index,
      signalType: t.type,
    })),
    report: { engine: 'offline', toolCalls: [], modelCalls: [] },
  }),
});

async function run(
  engine: SafetyEngine,
  body = composeRequest({ signals: BARRIER_SIGNALS.cost }),
  safetyTimeoutMs?: number,
) {
  const stack = await createComposeStack({ pool: runtime.store.pool, ...runtime, safety: engine, safetyTimeoutMs });
  const steps: Array<{ node: string; step: StepRecord }> = [];
  const answer = await stack.runner.compose(body as ComposeRequest, { onStep: (e) => steps.push(e) });
  return { answer, steps, stack };
}

describe('triage_safety in the compose graph', () => {
  it('holds the run when the triage engine throws, proposing only a crisis resource', async () => {
    const { answer, steps } = await run(throwing);
    expect(answer.status).toBe('needs_review');
    expect(answer.review?.reason).toMatch(/^safety_engine_error: Error: model timed out after 5000 ms/);
    expect(steps.map((s) => s.node)).toEqual([
      'load_context',
      'triage_safety',
      'propose_resource',
      'check_compliance',
      'hold_for_review',
    ]);
    expect(answer.message?.blocks.map((b) => b.id)).toEqual(['LZ-RES-988-SMS']);
    expect(steps[1]!.step.output).toMatchObject({ kinds: [], error: expect.stringMatching(/timed out/) });
  });

  it('holds the run when triage does not answer in time', async () => {
    const silent: SafetyEngine = { name: 'model', triage: () => new Promise(() => undefined) };
    const { answer } = await run(silent, undefined, 50);
    expect(answer.status).toBe('needs_review');
    expect(answer.review?.reason).toMatch(/^safety_engine_error: Error: safety triage timed out after 50 ms/);
  });

  it('holds an ordinary run when the model half of the model engine fails (503), keeping what the offline half found', async () => {
    const failing = fakeModel().respond(Object.assign(new Error('upstream unavailable'), { status: 503 }));
    const engine = createModelSafetyEngine({
      model: failing as unknown as BaseChatModel,
      offline: createOfflineSafetyEngine(),
    });
    const { answer, steps } = await run(engine);
    expect(answer.status).toBe('needs_review');
    expect(answer.review?.reason).toMatch(/^safety_engine_error: engine: /);
    const triage = steps.find((s) => s.node === 'triage_safety')!;
    expect(triage.step.engine).toBe('model');
    // The cost message has no finding of its own: the hold is the engine's failure, not a guess.
    expect(triage.step.output).toMatchObject({ kinds: [] });
  });

  it('holds even a no-barrier run with a finding: nothing later clears it', async () => {
    const body = composeRequest({
      signals: [...BARRIER_SIGNALS.none, { type: 'chat_message', data: { text: 'a rash came back' } }],
    });
    const { answer, steps } = await run(finding('adverse_event'), body);
    expect(answer.status).toBe('needs_review');
    expect(answer.review?.reason).toMatch(/^adverse_event: signals \[\d+\]/);
    expect(steps.map((s) => s.node)).toContain('hold_for_review');
  });

  it('lets a reviewer approve the crisis resource a crisis run proposed', async () => {
    const { answer, stack } = await run(finding('crisis'));
    expect(answer.review?.reason).toMatch(/^crisis: /);
    expect(answer.message?.blocks.every((b) => b.id.includes('RES-988'))).toBe(true);
    const decided = await stack.runner.resume(answer.id, answer.review!.id, {
      decision: 'approve',
      note: null,
      by: 'test',
      at: new Date().toISOString(),
    });
    expect(decided.status).toBe('approved');
  });

  it('holds a crisis run with no resource block for its audience without any message', async () => {
    const body = composeRequest({ program: 'lumenzo-hcp', audience: 'hcp', channel: 'email' });
    const { answer, steps } = await run(finding('crisis'), body);
    expect(answer.status).toBe('needs_review');
    expect(answer.message).toBeNull();
    expect(steps.map((s) => s.node)).toEqual(['load_context', 'triage_safety', 'propose_resource', 'hold_for_review']);
  });
});
