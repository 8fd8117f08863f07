import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { EvalRun, EvalStore } from '../../../evals/eval-store.js';
import { createMemoryEvalStore } from '../../../evals/memory-eval-store.js';
import type { CaseTarget } from '../../../evals/runner/case-target.js';
import type { CaseResult, RunSummary } from '../../../evals/runner/run-types.js';
import type { AssertionSpec, LoadedCase, LoadedSuite, Threshold } from '../../../evals/suite-schema.js';
import type { ComposeAnswer, ComposeRequest } from '../../../src/domain/compose.js';
import { blockInfo } from '../fixtures/compose-answer.js';

const CONSENTED = { sms: true, email: true, push: true, web: true };
const NONE = { sms: false, email: false, push: false, web: false };

/** A case as a suite file writes it. */
export type CaseInput = {
  id: string;
  tags?: string[];
  request: Record<string, unknown>;
  assert: Array<Record<string, unknown>>;
};

/** Three demo-library cases with known answers: cost → approved, no consent → blocked, on track → skipped. */
export function tinySuite(
  o: { name?: string; onTrack?: string; thresholds?: Threshold[]; plugins?: string[]; extra?: CaseInput[] } = {},
) {
  return {
    name: o.name ?? 'tiny',
    defaults: {
      request: { subject: { audience: 'patient', consents: CONSENTED }, program: 'lumenzo-adherence', channel: 'sms' },
      assert: [{ type: 'no_pii' }],
    },
    thresholds: o.thresholds ?? [
      { metric: 'barrier_accuracy', min: 0.5 },
      { metric: 'assertion_failures', assertion: 'no_pii', max: 0 },
    ],
    ...(o.plugins ? { plugins: o.plugins } : {}),
    cases: [
      {
        id: 'cost',
        tags: ['cost'],
        request: {
          subject: { id: 's-cost' },
          signals: [
            { type: 'refill_missed', at: '2026-11-20T10:00:00Z', data: { daysLate: 9 } },
            {
              type: 'survey_response',
              data: { question: 'Why?', answer: 'It is too expensive, my copay is $300 and I cannot afford it' },
            },
            { type: 'page_view', data: { topic: 'savings' } },
          ],
        },
        assert: [{ type: 'barrier', value: 'cost' }, { type: 'status', value: 'approved' }, { type: 'fair_balance' }],
      },
      {
        id: 'no-consent',
        tags: ['consent'],
        request: {
          subject: { id: 's-nc', consents: NONE },
          signals: [
            {
              type: 'survey_response',
              data: { question: 'Why?', answer: 'The price went up and I cannot pay for it' },
            },
          ],
        },
        assert: [
          { type: 'status', value: 'blocked' },
          { type: 'rule_failed', rule: 'consent' },
        ],
      },
      {
        id: 'on-track',
        tags: ['quiet'],
        request: { subject: { id: 's-ok' }, signals: [{ type: 'refill_on_time', at: '2026-11-20T10:00:00Z' }] },
        assert: [{ type: 'status', value: o.onTrack ?? 'skipped' }],
      },
      ...(o.extra ?? []),
    ],
  };
}

export async function writeTinySuite(dir: string, o: Parameters<typeof tinySuite>[0] = {}, file = 'tiny.yaml') {
  const path = join(dir, file);
  await writeFile(path, stringify(tinySuite(o)));
  return path;
}

/** A plugin whose assertion passes on odd calls and fails on even ones: a case that varies between repeats. */
export const ALTERNATING_PLUGIN = `let calls = 0;
export const assertions = {
  alternate: () => {
    calls += 1;
    const pass = calls % 2 === 1;
    return { pass, score: pass ? 1 : 0, reason: pass ? 'odd call' : 'even call' };
  },
};
`;

/** A loaded suite built in memory, for runner tests that need no loader. */
export function fakeSuite(
  cases: Array<{ id: string; tags?: string[]; assert: AssertionSpec[] }>,
  thresholds: Threshold[] = [],
): LoadedSuite {
  const loaded: LoadedCase[] = cases.map((c) => ({
    id: c.id,
    tags: c.tags ?? [],
    request: {
      subject: { id: c.id, audience: 'patient', consents: { sms: true } },
      program: 'p',
      channel: 'sms',
      signals: [],
    },
    assert: c.assert,
    source: { file: '/suites/fake.yaml' },
  }));
  return { name: 'fake', file: '/suites/fake.yaml', settings: {}, thresholds, plugins: [], cases: loaded };
}

/** A target answering from a function of the request's case (subject id before the run's suffix) and call count. */
export function fakeTarget(answer: (caseId: string, call: number) => ComposeAnswer | Error, delayMs = 0) {
  const calls = new Map<string, number>();
  let inFlight = 0;
  const stats = { maxInFlight: 0, closed: false, requests: [] as ComposeRequest[] };
  const target: CaseTarget = {
    mode: 'in-process',
    async compose(request) {
      stats.requests.push(request);
      const caseId = request.subject.id.split('~')[0]!;
      const n = (calls.get(caseId) ?? 0) + 1;
      calls.set(caseId, n);
      inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, delayMs));
      inFlight--;
      const a = answer(caseId, n);
      if (a instanceof Error) throw a;
      return { answer: a, latencyMs: 10 * n };
    },
    blockInfo: async () => blockInfo,
    contentTerms: async (program) => [program, 'Lumenzo'],
    close: async () => {
      stats.closed = true;
    },
  };
  return { target, stats };
}

/** A finished run as the store keeps it, from a runSuite result (through the in-memory store). */
export async function storedRun(
  result: { cases: CaseResult[]; summary: RunSummary },
  o: { suite?: string; store?: EvalStore } = {},
): Promise<EvalRun> {
  const store = o.store ?? createMemoryEvalStore();
  const config = { mode: 'in-process' as const, repeat: 1, concurrency: 2, filter: [], model: 'offline' };
  const id = await store.create({
    suiteName: o.suite ?? 'fake',
    suiteFile: null,
    gitCommit: null,
    config,
    total: result.cases.length,
  });
  return (await store.finish(id, { status: 'done', ...result, results: result.cases }))!;
}
