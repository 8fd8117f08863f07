import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import type pg from 'pg';
import type { DiagnosisEngine, SelectionEngine } from '../../agents/agent-types.js';
import { createOfflineDiagnosisEngine } from '../../agents/barrier/offline-diagnosis.js';
import { createDiagnoseNode } from '../../agents/barrier-diagnosis.js';
import { type ComplianceReviewer, createComplianceNode } from '../../agents/compliance-checker.js';
import { createOfflineSelectionEngine } from '../../agents/composer/offline-selection.js';
import { createAssembleNode } from '../../agents/composer.js';
import { createOfflineStrategyEngine } from '../../agents/strategy/offline-strategy.js';
import { createStrategyNode } from '../../agents/strategy.js';
import { createListBlocksTool, createSearchContentTool } from '../../tools/content-tools.js';
import { buildComposeGraph } from '../graph/build-graph.js';
import { HeldRunSaver } from '../graph/held-run-saver.js';
import { createFinalizeNode } from '../graph/nodes/finalize.js';
import { createHumanReviewNode } from '../graph/nodes/human-review.js';
import { createLoadContextNode } from '../graph/nodes/load-context.js';
import { RunSecretsStore } from '../graph/run-secrets.js';
import type { ContentRepo } from '../store/content-repo.js';
import type { RunsRepo } from '../store/runs-repo.js';
import type { SettingsRepo } from '../store/settings-repo.js';
import { createComposeRunner, type RunnerDeps } from './compose-runner.js';

/**
 * Below this diagnosis confidence a run is held for a human (proposing an approved clarifying
 * question). The offline engine is cautious on behaviour-only evidence (about 0.4–0.6 when right),
 * so 0.4 holds the genuinely ambiguous runs without holding every behavioural one.
 */
export const REVIEW_BELOW = 0.4;

export type ModelEngines = { diagnosis?: DiagnosisEngine; selection?: SelectionEngine; reviewer?: ComplianceReviewer };

export type ComposeStackDeps = {
  pool: pg.Pool;
  content: ContentRepo;
  runs: RunsRepo;
  settings: SettingsRepo;
  models?: ModelEngines;
  reviewBelow?: number;
  observe?: RunnerDeps['observe'];
};

/** The graph's node functions over one store (benchmarks also call them directly, without the graph). */
export function createComposeNodes(deps: Omit<ComposeStackDeps, 'pool' | 'observe'>, secrets: RunSecretsStore) {
  const reviewBelow = deps.reviewBelow ?? REVIEW_BELOW;
  const models = deps.models ?? {};
  return {
    loadContext: createLoadContextNode({ runs: deps.runs, settings: deps.settings, secrets }),
    diagnose: createDiagnoseNode({ offline: createOfflineDiagnosisEngine(), model: models.diagnosis, secrets }),
    plan: createStrategyNode({ offline: createOfflineStrategyEngine() }),
    assemble: createAssembleNode({
      tools: { search: createSearchContentTool(deps.content), list: createListBlocksTool(deps.content) },
      offline: createOfflineSelectionEngine(),
      model: models.selection,
      reviewBelow,
      recordGap: deps.runs.recordContentGap,
    }),
    check: createComplianceNode({ content: deps.content, secrets, reviewer: models.reviewer }),
    review: createHumanReviewNode({ reviewBelow }),
    finalize: createFinalizeNode(),
  };
}

/** Builds the agents, the graph and the runner over one store. */
export async function createComposeStack(deps: ComposeStackDeps) {
  const secrets = new RunSecretsStore();
  const reviewBelow = deps.reviewBelow ?? REVIEW_BELOW;
  const models = deps.models ?? {};
  const graph = buildComposeGraph(createComposeNodes(deps, secrets), { reviewBelow });
  const durable = new PostgresSaver(deps.pool);
  await durable.setup();
  const saver = new HeldRunSaver(durable);
  const runner = createComposeRunner({
    graph,
    checkpointer: saver,
    runs: deps.runs,
    secrets,
    mode: models.diagnosis || models.selection ? 'model' : 'offline',
    observe: deps.observe,
    contentTerms: deps.content.contentTerms,
  });
  const forgetCheckpoints = async (runIds: string[]) => {
    for (const id of runIds) await saver.deleteThread(id);
  };
  return { runner, graph, secrets, forgetCheckpoints };
}
