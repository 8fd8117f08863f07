import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAFETY_TOOL } from '../../agents/safety/model-safety-engine.js';
import { type ComposeAnswerBody, composeRequest, startModelService } from '../support/model-scripts.js';
import { offeredTools, type Script } from '../support/scripted-openai.js';

// With NOF1_MODEL_SAFETY on, triage asks the configured model beside the offline engine: a kind it finds is
// added, and a model that fails holds the run. Every other agent's call fails here, so they run offline.
let env: Awaited<ReturnType<typeof startModelService>>;
let triage: 'finds_adverse_event' | 'fails' = 'fails';
const script: Script = (req) => {
  if (!offeredTools(req).includes(SAFETY_TOOL)) return { status: 500 };
  if (triage === 'fails') return { status: 503 };
  return { toolCalls: [{ name: SAFETY_TOOL, args: { texts: [{ text: 0, kinds: ['adverse_event'] }] } }] };
};
beforeAll(async () => {
  env = await startModelService(script, { NOF1_MODEL_SAFETY: '1' });
});
afterAll(() => env?.close());

async function compose(): Promise<ComposeAnswerBody> {
  const res = await env.svc.call('POST', '/v1/compose', { key: 'client', body: composeRequest() });
  expect(res.status).toBe(200);
  return (await res.json()) as ComposeAnswerBody;
}

describe('safety triage with a model (NOF1_MODEL_SAFETY=1)', () => {
  it('adds a kind the model found to what the offline engine found, and holds the run for it', async () => {
    triage = 'finds_adverse_event';
    const answer = await compose();
    expect(answer.status).toBe('needs_review');
    expect(answer.review?.reason).toMatch(/^adverse_event: signals \[\d+\]/);
  });

  it('holds the run when the model fails, rather than letting an untriaged message through', async () => {
    triage = 'fails';
    const answer = await compose();
    expect(answer.status).toBe('needs_review');
    expect(answer.review?.reason).toMatch(/^safety_engine_error: engine: /);
  });
});
