import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type ChatRequest, dataIn, type Reply, type Script, startScriptedOpenAI } from './scripted-openai.js';
import { startTestService } from './service.js';

/** What the selection prompt shows the model about each candidate block. */
type Candidate = { id: string; kind: string; requiresIsi: boolean; barriers: string[]; text: string };
type Plan = { barrier: string; clarify: boolean };

export const submitDiagnosis = (args: unknown): Reply => ({ toolCalls: [{ name: 'submit_diagnosis', args }] });
export const submitReview = (args: unknown): Reply => ({ toolCalls: [{ name: 'submit_review', args }] });
export const selectIds = (blockIds: string[]): Reply => ({
  toolCalls: [{ name: 'select_blocks', args: { blockIds } }],
});

const shortest = (list: Candidate[]) => [...list].sort((a, b) => a.text.length - b.text.length)[0];

/** What a sensible model picks from the candidates it was shown: greeting, barrier block, CTA, ISI if needed. */
export function sensibleSelection(req: ChatRequest): string[] {
  const candidates = dataIn<Candidate[]>(req, 'candidates');
  const plan = dataIn<Plan>(req, 'plan');
  const of = (kind: string) => candidates.filter((c) => c.kind === kind);
  const main = plan.clarify
    ? shortest(of('question'))
    : shortest(candidates.filter((c) => c.barriers.includes(plan.barrier) && c.kind !== 'cta' && !c.requiresIsi));
  return [shortest(of('greeting')), main, shortest(of('cta'))].filter((c) => c !== undefined).map((c) => c.id);
}

/** A well-behaved model: diagnoses as told, selects sensibly, finds nothing to add in review. */
export function wellBehaved(diagnosis: unknown): { diagnosis: Script; selection: Script; review: Script } {
  return {
    diagnosis: () => submitDiagnosis(diagnosis),
    selection: (req) => selectIds(sensibleSelection(req)),
    review: () => submitReview({ findings: [] }),
  };
}

export const COST_DIAGNOSIS = {
  barrier: 'cost',
  confidence: 0.86,
  evidence: [
    { signal: 0, type: 'refill_missed' },
    { signal: 1, type: 'survey_response' },
  ],
  alternatives: [{ barrier: 'access', confidence: 0.08 }],
};

export function composeRequest(overrides: Record<string, unknown> = {}) {
  return {
    subject: { id: `pt-${Math.random().toString(36).slice(2, 10)}`, audience: 'patient', consents: { sms: true } },
    program: 'lumenzo-adherence',
    channel: 'sms',
    signals: [
      { type: 'refill_missed', at: '2026-11-20T10:00:00Z', data: { daysLate: 9 } },
      { type: 'survey_response', data: { question: 'What got in the way?', answer: "I can't afford the copay" } },
    ],
    ...overrides,
  };
}

/**
 * The scripted model server and the real service pointed at it, with a short timeout and no retries.
 * The circuit breaker's cool-down is 0 unless given: each run then finds the model callable again, so
 * tests of one run's behaviour do not depend on the runs before them.
 */
export async function startModelService(script?: Script, env: Record<string, string> = {}) {
  const model = await startScriptedOpenAI(script);
  const svc = await startTestService({
    NOF1_MODEL_BASE_URL: model.baseUrl,
    NOF1_MODEL: 'scripted-model',
    NOF1_MODEL_TIMEOUT_MS: '500',
    NOF1_MODEL_MAX_RETRIES: '0',
    NOF1_MODEL_BREAKER_COOLDOWN_MS: '0',
    ...env,
  });
  return {
    model,
    svc,
    close: async () => {
      await svc.close();
      await model.close();
    },
  };
}

type ModelService = Awaited<ReturnType<typeof startModelService>>;

/**
 * One scripted model and service for a test file: started before its tests, closed after them, and the
 * model's recorded requests cleared before each test so a test reads only its own calls.
 */
export function useModelService(): Pick<ModelService, 'model' | 'svc'> {
  let env: ModelService | undefined;
  beforeAll(async () => {
    env = await startModelService();
  });
  afterAll(() => env?.close());
  beforeEach(() => {
    if (env) env.model.requests.length = 0;
  });
  const started = () => {
    if (!env) throw new Error('useModelService: the service is not started yet (use it inside a test)');
    return env;
  };
  return {
    get model() {
      return started().model;
    },
    get svc() {
      return started().svc;
    },
  };
}

export type ComposeAnswerBody = {
  status: string;
  diagnosis: { barrier: string; confidence: number; evidence: string[] } | null;
  message: { body: string; blocks: Array<{ id: string }> } | null;
  compliance: { verdict: string; checks: Array<{ rule: string; passed: boolean; detail: string }> };
  engine: { mode: string; modelCalls: number; fallbacks: string[] };
  review?: { id: string; reason: string };
  traceId: string;
};
