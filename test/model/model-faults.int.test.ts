import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COST_DIAGNOSIS,
  type ComposeAnswerBody,
  composeRequest,
  selectIds,
  startModelService,
  wellBehaved,
} from '../support/model-scripts.js';
import { byAgent, type Reply, type Script } from '../support/scripted-openai.js';

// The circuit stays open this long after it opens: long enough that the run right after the failing
// one finds it open, short enough for each test to see it close again.
const COOLDOWN_MS = 2500;

let env: Awaited<ReturnType<typeof startModelService>>;
beforeAll(async () => {
  env = await startModelService(undefined, { NOF1_MODEL_BREAKER_COOLDOWN_MS: String(COOLDOWN_MS) });
});
afterAll(() => env?.close());

const healthy = byAgent(wellBehaved(COST_DIAGNOSIS));
/** A reply held back far past the model timeout (a hung model). */
const hung = (then: Reply): Reply => ({ delayMs: 60_000, then });
const always =
  (reply: Reply): Script =>
  () =>
    reply;

/** Composes and answers how many model requests the run made. */
async function run(): Promise<{ answer: ComposeAnswerBody; requests: number }> {
  const before = env.model.requests.length;
  const res = await env.svc.call('POST', '/v1/compose', { key: 'client', body: composeRequest() });
  expect(res.status).toBe(200);
  return { answer: (await res.json()) as ComposeAnswerBody, requests: env.model.requests.length - before };
}

/** The offline engines answered: a correct, compliant message all the same. */
function expectOfflineAnswer(answer: ComposeAnswerBody) {
  expect(answer.status).toBe('approved');
  expect(answer.diagnosis?.barrier).toBe('cost');
  expect(answer.compliance.checks.every((c) => c.passed)).toBe(true);
}

/** After the cool-down, a trial call reaches a model that works again, and the circuit closes. */
async function expectRecovery() {
  env.model.setScript(healthy);
  await sleep(COOLDOWN_MS + 200);
  const trial = await run();
  expect(trial.requests).toBe(3);
  expect(trial.answer.engine.fallbacks).toEqual([]);
  const after = await run();
  expect(after.requests).toBe(3);
}

describe('a model that does not answer costs a run about one timeout, and the next runs nothing', () => {
  it.each([
    ['hangs', hung({ status: 500 })],
    ['drips its answer a byte at a time', { dripMs: 100 } as Reply],
  ])('a model that %s: one request, the rest of the run offline; the next run does not call it', async (_w, reply) => {
    env.model.setScript(always(reply));
    const first = await run();
    expectOfflineAnswer(first.answer);
    // One request: its timeout spent the run's model time, so selection and review were not called.
    expect(first.requests).toBe(1);
    expect(first.answer.engine.modelCalls).toBe(1);
    expect(first.answer.engine.fallbacks).toEqual([
      expect.stringMatching(/^diagnose_barrier: model failed \(timeout\); offline engine used$/),
      expect.stringMatching(/^assemble_message: model not called \(the run's model time is spent\)/),
      expect.stringMatching(/^check_compliance: model review not called \(the run's model time is spent\)/),
    ]);
    const second = await run();
    expectOfflineAnswer(second.answer);
    expect(second.requests).toBe(0);
    expect(second.answer.engine.fallbacks[0]).toMatch(/^diagnose_barrier: model not called \(circuit open/);
    await expectRecovery();
  });

  it('the trace of such a run says which steps fell back and why', async () => {
    env.model.setScript(always(hung({ status: 500 })));
    const { answer } = await run();
    const res = await env.svc.call('GET', `/v1/traces/${answer.traceId}`, { key: 'reviewer' });
    const steps = ((await res.json()) as { steps: Array<{ node: string; fallback?: string }> }).steps;
    const fallbacks = Object.fromEntries(steps.filter((s) => s.fallback).map((s) => [s.node, s.fallback]));
    expect(fallbacks.diagnose_barrier).toMatch(/model failed \(timeout\)/);
    expect(fallbacks.assemble_message).toMatch(/model not called/);
    await expectRecovery();
  });
});

describe('a model that fails repeatedly is not called until its cool-down has passed', () => {
  it.each([
    ['HTTP 500', { status: 500 } as Reply, /HTTP 500/],
    ['HTTP 429', { status: 429 } as Reply, /HTTP 429/],
    ['a body that is not JSON', { raw: '{"choices": [' } as Reply, /request failed/],
  ])('%s on every call: three failures open the circuit', async (_w, reply, reason) => {
    env.model.setScript(always(reply));
    const first = await run();
    expectOfflineAnswer(first.answer);
    expect(first.requests).toBe(3);
    expect(first.answer.engine.fallbacks).toHaveLength(3);
    for (const f of first.answer.engine.fallbacks) expect(f).toMatch(reason);
    const second = await run();
    expectOfflineAnswer(second.answer);
    expect(second.requests).toBe(0);
    for (const f of second.answer.engine.fallbacks) expect(f).toMatch(/not called \(circuit open/);
    await expectRecovery();
  });

  it('a model that answers with lies (unknown block ids) keeps being asked: it answers, just not usably', async () => {
    env.model.setScript(byAgent({ ...wellBehaved(COST_DIAGNOSIS), selection: () => selectIds(['LZ-MADE-UP-99']) }));
    for (let i = 0; i < 3; i++) {
      const r = await run();
      expectOfflineAnswer(r.answer);
      expect(r.requests).toBe(3);
      expect(r.answer.engine.fallbacks).toEqual([
        expect.stringContaining(
          'assemble_message: model failed (invalid output: a chosen id is not among the candidates)',
        ),
      ]);
      expect(r.answer.message?.blocks.map((b) => b.id)).not.toContain('LZ-MADE-UP-99');
    }
  });
});
