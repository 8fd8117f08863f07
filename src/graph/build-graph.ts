import { END, START, StateGraph } from '@langchain/langgraph';
import type { NodeUpdate, RunState } from '../domain/run-state.js';
import {
  afterAssembly,
  afterCompliance,
  afterDiagnosis,
  afterResource,
  afterStrategy,
  afterTriage,
  type RunPolicy,
} from './run-policy.js';
import { ComposeState } from './state.js';

type Node = (state: RunState) => Promise<NodeUpdate>;

export type GraphNodes = {
  loadContext: Node;
  triage: Node;
  proposeResource: Node;
  diagnose: Node;
  plan: Node;
  assemble: Node;
  check: Node;
  hold: Node;
  review: Node;
  finalize: Node;
};

/** The compose graph, uncompiled: the caller compiles it with its checkpointer. Edges ask the run policy. */
export function buildComposeGraph(nodes: GraphNodes, policy: RunPolicy) {
  return new StateGraph(ComposeState)
    .addNode('load_context', nodes.loadContext)
    .addNode('triage_safety', nodes.triage)
    .addNode('propose_resource', nodes.proposeResource)
    .addNode('diagnose_barrier', nodes.diagnose)
    .addNode('plan_strategy', nodes.plan)
    .addNode('assemble_message', nodes.assemble)
    .addNode('check_compliance', nodes.check)
    .addNode('hold_for_review', nodes.hold)
    .addNode('human_review', nodes.review)
    .addNode('finalize', nodes.finalize)
    .addEdge(START, 'load_context')
    .addEdge('load_context', 'triage_safety')
    .addConditionalEdges('triage_safety', afterTriage, ['propose_resource', 'diagnose_barrier'])
    .addConditionalEdges('propose_resource', afterResource, ['check_compliance', 'hold_for_review'])
    .addConditionalEdges('diagnose_barrier', afterDiagnosis, ['plan_strategy', 'finalize'])
    .addConditionalEdges('plan_strategy', afterStrategy, ['assemble_message', 'finalize'])
    .addConditionalEdges('assemble_message', afterAssembly, ['check_compliance', 'hold_for_review', 'finalize'])
    .addConditionalEdges('check_compliance', afterCompliance(policy), [
      'assemble_message',
      'hold_for_review',
      'finalize',
    ])
    .addEdge('hold_for_review', 'human_review')
    .addEdge('human_review', 'finalize')
    .addEdge('finalize', END);
}
export type ComposeGraph = ReturnType<typeof buildComposeGraph>;
