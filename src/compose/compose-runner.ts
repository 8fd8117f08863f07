import { randomUUID } from 'node:crypto';
import { Command } from '@langchain/langgraph';
import AsyncLock from 'async-lock';
import type { ComposeAnswer, ComposeRequest, RunOrigin } from '../domain/compose.js';
import type { ReviewDecision, RunState } from '../domain/run-state.js';
import type { StepRecord } from '../domain/step.js';
import type { ComposeGraph } from '../graph/build-graph.js';
import type { HeldRunSaver } from '../graph/held-run-saver.js';
import type { RunSecretsStore } from '../graph/run-secrets.js';
import { createRedactor } from '../privacy/redact.js';
import type { RunsRepo, SaveExtras } from '../store/runs-repo.js';
import type { TraceRecord } from '../store/trace-repo.js';
import { buildAnswer } from './build-answer.js';
import { createModelTime } from './model-time.js';
import { capRecheck } from './over-cap.js';
import { personalValues, redactRequest } from './request-privacy.js';
import { caseDrafts } from './safety-case-drafts.js';

export type StepEvent = { node: string; step: StepRecord };
export type RunnerDeps = {
  graph: ComposeGraph;
  checkpointer: HeldRunSaver;
  runs: RunsRepo;
  secrets: RunSecretsStore;
  mode: 'offline' | 'model';
  /** Model time one run may spend in all, shared by every model call of the run. */
  modelTimeMs?: number;
  today?: () => string;
  /** Brand and programme names, never mistaken for personal data. */
  contentTerms?: () => Promise<string[]>;
  /** The product a programme's blocks name (its brand), for the safety cases a run opens. */
  productOf?: (program: string) => Promise<string | null>;
  /** Told about every finished run (metrics, spans); never given personal data. */
  observe?: (answer: ComposeAnswer, steps: StepRecord[], seconds?: number) => void;
};

export type ComposeOptions = {
  onStep?: (e: StepEvent) => void;
  /** A run id reserved beforehand (an idempotency claim names it before the run starts). */
  runId?: string;
  /** Written in the run's own transaction (completing an idempotency claim). */
  within?: SaveExtras['within'];
  /** `eval`: a run an eval suite started, kept out of the service's metrics and queues. */
  origin?: RunOrigin;
};

const pacingOf = (state: RunState) =>
  state.context
    ? {
        cap: state.context.frequencyCap,
        windowDays: state.context.windowDays,
        maxPerWeek: state.context.preferences?.preferences.maxPerWeek,
      }
    : undefined;

export const newId = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
const toTrace = (steps: StepRecord[]): TraceRecord[] =>
  steps.map(({ personal, ...record }) => ({ kind: 'step', record, ...(personal === undefined ? {} : { personal }) }));

function engineSummary(steps: StepRecord[], mode: 'offline' | 'model', createdAt: string) {
  return {
    mode,
    modelCalls: steps.reduce((n, s) => n + s.modelCalls.length, 0),
    fallbacks: steps.filter((s) => s.fallback).map((s) => `${s.node}: ${s.fallback}`),
    createdAt,
  };
}

/** Runs the compose graph for one request and stores the run, its trace and any review hold. */
export function createComposeRunner(deps: RunnerDeps) {
  const compiled = deps.graph.compile({ checkpointer: deps.checkpointer });
  const today = deps.today ?? (() => new Date().toISOString().slice(0, 10));
  // Runs of one subject and programme take turns in this process, so each reads the count the one
  // before it recorded and the graph's own frequency rule decides; the store's lock at recording is
  // what holds across processes. Unbounded: the HTTP layer bounds how many requests wait.
  const turns = new AsyncLock({ maxPending: Number.POSITIVE_INFINITY });

  async function drive(input: unknown, threadId: string, onStep?: (e: StepEvent) => void) {
    const config = {
      configurable: { thread_id: threadId },
      durability: 'exit' as const,
      streamMode: 'updates' as const,
    };
    for await (const chunk of await compiled.stream(input as Parameters<typeof compiled.stream>[0], config)) {
      for (const [node, update] of Object.entries(chunk)) {
        const step = (update as Partial<RunState> | undefined)?.steps?.[0];
        if (step && onStep) onStep({ node, step });
      }
    }
    const state = (await compiled.getState(config)).values as RunState;
    // Only a run waiting for a person needs its checkpoint to outlive this process.
    if (state.status === 'needs_review') await deps.checkpointer.persist(threadId);
    else await deps.checkpointer.forget(threadId, input instanceof Command);
    return state;
  }

  async function compose(request: ComposeRequest, opts: ComposeOptions = {}): Promise<ComposeAnswer> {
    const turn = JSON.stringify([request.subject.id, request.program]);
    return turns.acquire(turn, () => run(request, opts));
  }

  async function run(request: ComposeRequest, opts: ComposeOptions): Promise<ComposeAnswer> {
    const started = performance.now();
    const runId = opts.runId ?? newId('msg');
    const traceId = newId('trc');
    const createdAt = new Date().toISOString();
    const terms = (await deps.contentTerms?.()) ?? [];
    const known = personalValues(request, terms);
    const redactor = createRedactor({ known, allow: terms });
    const modelTime = deps.modelTimeMs ? createModelTime(deps.modelTimeMs) : undefined;
    deps.secrets.put(runId, { signals: request.signals, personalValues: known, modelTime });
    // A new run id has no stored checkpoint: the graph's first read need not ask the store.
    deps.checkpointer.begin(runId);
    try {
      const initial = { runId, traceId, today: today(), request: redactRequest(request, redactor) };
      const state = await drive(initial, runId, opts.onStep);
      const summary = engineSummary(state.steps, deps.mode, createdAt);
      const review = state.status === 'needs_review' ? { id: state.reviewId!, reason: state.holdReason! } : undefined;
      const built = buildAnswer(state, review, summary);
      const pacing = pacingOf(state);
      // A suite's runs measure triage; they open no case a safety officer would have to work.
      const cases =
        opts.origin === 'eval'
          ? []
          : caseDrafts(state, {
              subjectId: request.subject.id,
              program: request.program,
              product: state.safety?.findings.length ? ((await deps.productOf?.(request.program)) ?? null) : null,
              detectedAt: new Date(createdAt),
            });
      const answer = await deps.runs.saveRun(
        {
          answer: built,
          subjectId: request.subject.id,
          program: request.program,
          durationMs: performance.now() - started,
          modelCalls: summary.modelCalls,
          fallbacks: summary.fallbacks.length,
          origin: opts.origin,
        },
        toTrace(state.steps),
        review,
        state.contentGap,
        { cap: pacing && capRecheck(built, pacing), within: opts.within, cases },
      );
      // Eval runs are kept out of the service's metrics and spans: they measure a suite, not the service's use.
      if (opts.origin !== 'eval') deps.observe?.(answer, state.steps, (performance.now() - started) / 1000);
      return answer;
    } finally {
      deps.secrets.drop(runId);
      deps.checkpointer.end(runId);
    }
  }

  /** Resumes a held run with the reviewer's decision (works after a restart: the checkpoint is stored). */
  async function resume(runId: string, reviewId: string, decision: ReviewDecision): Promise<ComposeAnswer> {
    const before = (await compiled.getState({ configurable: { thread_id: runId } })).values as RunState;
    const done = before.steps?.length ?? 0;
    const state = await drive(new Command({ resume: decision }), runId);
    const previous = await deps.runs.getAnswer(runId);
    const summary = engineSummary(state.steps, deps.mode, previous?.createdAt ?? new Date().toISOString());
    const built = buildAnswer(state, previous?.review, summary);
    const pacing = pacingOf(state);
    const answer = await deps.runs.finishReview(
      built,
      toTrace(state.steps.slice(done)),
      done,
      { reviewId, ...decision },
      pacing && capRecheck(built, pacing),
    );
    deps.observe?.(answer, state.steps.slice(done));
    return answer;
  }

  /** The compiled graph's own nodes and edges (LangGraph's getGraph), for drawing a run's path through it. */
  async function graphShape() {
    const graph = await compiled.getGraphAsync();
    return {
      nodes: Object.values(graph.nodes).map((n) => n.id),
      edges: graph.edges.map((e) => ({ source: e.source, target: e.target, conditional: Boolean(e.conditional) })),
    };
  }

  return { compose, resume, graphShape };
}
export type ComposeRunner = ReturnType<typeof createComposeRunner>;
