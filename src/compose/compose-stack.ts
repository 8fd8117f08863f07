import type pg from 'pg';
import { createOfflineDiagnosisEngine } from '../../agents/barrier/offline-diagnosis.js';
import { createDiagnoseNode } from '../../agents/barrier-diagnosis.js';
import { createComplianceNode } from '../../agents/compliance-checker.js';
import { createOfflineSelectionEngine } from '../../agents/composer/offline-selection.js';
import { createAssembleNode } from '../../agents/composer.js';
import type { LearnerSource } from '../../agents/learning/learner-source.js';
import { createOfflineSafetyEngine } from '../../agents/safety/offline-safety-engine.js';
import { createOfflineStrategyEngine } from '../../agents/strategy/offline-strategy.js';
import { createStrategyNode } from '../../agents/strategy.js';
import { createListBlocksTool, createSearchContentTool } from '../../tools/content-tools.js';
import type { DiagnosisEngine, ModelEngines, SafetyTriageEngine } from '../domain/engines.js';
import type { LearnerCountsSource } from '../domain/learner-counts.js';
import type { ContentSource, RunContextSource } from '../domain/ports.js';
import { buildComposeGraph } from '../graph/build-graph.js';
import { HeldRunSaver } from '../graph/held-run-saver.js';
import { createFinalizeNode } from '../graph/nodes/finalize.js';
import { createHoldNode } from '../graph/nodes/hold-for-review.js';
import { createHumanReviewNode } from '../graph/nodes/human-review.js';
import { createLoadContextNode } from '../graph/nodes/load-context.js';
import { createProposeResourceNode } from '../graph/nodes/propose-resource.js';
import { createTriageSafetyNode } from '../graph/nodes/triage-safety.js';
import { DEFAULT_RUN_POLICY, type RunPolicy } from '../graph/run-policy.js';
import { RunSecretsStore } from '../graph/run-secrets.js';
import { skipUntracedRunTrees } from '../graph/untraced-run-context.js';
import type { RunsRepo } from '../store/runs-repo.js';
import { BatchedPostgresSaver } from './batched-postgres-saver.js';
import { createComposeRunner, type RunnerDeps } from './compose-runner.js';
import { memoBlockList } from './memo-block-list.js';

/** What the graph's nodes read. */
type NodeDeps = {
  content: ContentSource;
  /** Where the composer's searches and listings read (a cache of `content`); `content` when absent. */
  composerContent?: ContentSource;
  /** The programme's settings and the subject's runs (and engagement), read before a run composes. */
  runContext: RunContextSource;
  /** Read the subjects' engagement for their own limits (the closed loop's outcomes); off in bare evals. */
  engagement?: boolean;
  /** What the learner knows, for programmes whose learning is shadow or on; absent in bare evals. */
  learner?: LearnerSource & LearnerCountsSource;
  /** How long the learner's view of the content (which techniques have blocks) is kept (ms); 30 s when absent. */
  learnerCacheMs?: number;
  models?: ModelEngines;
  /** Safety triage; the offline engine unless a deployment (or a test) supplies another. */
  safety?: SafetyTriageEngine;
  /** How long triage may take before the run is held for a person instead (a model engine's timeout). */
  safetyTimeoutMs?: number;
  /**
   * The offline diagnosis engine, when it was made beforehand (its models take most of a worker's start,
   * and need no store); made here when absent.
   */
  offlineDiagnosis?: DiagnosisEngine;
};

/** The nodes' reads, and what the runner and its checkpointer need beside them. */
export type ComposeStackDeps = NodeDeps & {
  pool: pg.Pool;
  /** The runner records runs in it. */
  runs: RunsRepo;
  /** The run policy's review threshold; its default when absent. */
  reviewBelow?: number;
  /** Model time one run may spend in all, shared by every model call of the run. */
  modelTimeMs?: number;
  observe?: RunnerDeps['observe'];
  /** False when another process has created the checkpoint tables (setup is not safe to run concurrently). */
  setupCheckpoints?: boolean;
};

const policyOf = (deps: { reviewBelow?: number }): RunPolicy => ({
  ...DEFAULT_RUN_POLICY,
  ...(deps.reviewBelow === undefined ? {} : { reviewBelow: deps.reviewBelow }),
});

/** The graph's node functions over one store (benchmarks also call them directly, without the graph). */
export function createComposeNodes(deps: NodeDeps, secrets: RunSecretsStore, policy: RunPolicy = DEFAULT_RUN_POLICY) {
  const models = deps.models ?? {};
  const reads = deps.composerContent ?? deps.content;
  return {
    loadContext: createLoadContextNode({
      context: deps.runContext,
      engagement: deps.engagement,
      learner: deps.learner,
    }),
    triage: createTriageSafetyNode({
      engine: deps.safety ?? models.safety ?? createOfflineSafetyEngine(),
      timeoutMs: deps.safetyTimeoutMs,
    }),
    proposeResource: createProposeResourceNode({ content: deps.content }),
    diagnose: createDiagnoseNode({
      offline: deps.offlineDiagnosis ?? createOfflineDiagnosisEngine(),
      model: models.diagnosis,
      secrets,
    }),
    plan: createStrategyNode({
      offline: createOfflineStrategyEngine(),
      ...(deps.learner
        ? { learning: { source: deps.learner, content: memoBlockList(deps.content, deps.learnerCacheMs ?? 30_000) } }
        : {}),
    }),
    assemble: createAssembleNode({
      tools: { search: createSearchContentTool(reads), list: createListBlocksTool(reads) },
      offline: createOfflineSelectionEngine(),
      model: models.selection,
      clarifyBelow: policy.reviewBelow,
      secrets,
    }),
    check: createComplianceNode({ content: deps.content, secrets, reviewer: models.reviewer }),
    hold: createHoldNode(policy),
    review: createHumanReviewNode(),
    finalize: createFinalizeNode(),
  };
}

/** Builds the agents, the graph and the runner over one store. */
export async function createComposeStack(deps: ComposeStackDeps) {
  // Process-wide (core's singleton): untraced runnables stop building a LangSmith run tree each.
  skipUntracedRunTrees();
  const secrets = new RunSecretsStore();
  const policy = policyOf(deps);
  const models = deps.models ?? {};
  const graph = buildComposeGraph(createComposeNodes(deps, secrets, policy), policy);
  const durable = new BatchedPostgresSaver(deps.pool);
  if (deps.setupCheckpoints !== false) await durable.setup();
  const saver = new HeldRunSaver(durable);
  const runner = createComposeRunner({
    graph,
    checkpointer: saver,
    runs: deps.runs,
    secrets,
    mode: models.diagnosis || models.selection ? 'model' : 'offline',
    modelTimeMs: deps.models ? deps.modelTimeMs : undefined,
    observe: deps.observe,
    contentTerms: deps.content.contentTerms,
    productOf: async (program) => (await deps.content.list({ program, limit: 50 })).find((b) => b.brand)?.brand ?? null,
  });
  const forgetCheckpoints = async (runIds: string[]) => {
    for (const id of runIds) await saver.deleteThread(id);
  };
  return { runner, graph, secrets, forgetCheckpoints };
}
