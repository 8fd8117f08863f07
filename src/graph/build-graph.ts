import { END, START, StateGraph } from '@langchain/langgraph';
import type { ComposeStateType } from './state.js';
import { ComposeState } from './state.js';
import type { StepRecord } from './step-record.js';

type Node = (state: ComposeStateType) => Promise<Partial<ComposeStateType> & { steps: StepRecord[] }>;

export type GraphNodes = {
  loadContext: Node;
  diagnose: Node;
  plan: Node;
  assemble: Node;
  check: Node;
  review: Node;
  finalize: Node;
};

export type GraphPolicy = { reviewBelow: number };

/** After diagnosis: silence when there is nothing to address (unless a human must look). */
const afterDiagnosis = (s: ComposeStateType) =>
  s.diagnosis?.barrier === 'none' && !s.context?.escalation ? 'finalize' : 'plan_strategy';

/** No message: a first round holds for review (content gap); a revision with nothing left ends blocked. */
/** No message: a human must still see an escalation; a consent block or a failed revision ends here. */
function afterAssembly(s: ComposeStateType) {
  if (s.message) return 'check_compliance';
  if (s.context?.escalation) return 'human_review';
  return s.round > 0 || s.checks.some((c) => !c.passed) ? 'finalize' : 'human_review';
}

function afterCompliance(policy: GraphPolicy) {
  return (s: ComposeStateType) => {
    const failing = s.checks.filter((c) => !c.passed);
    // Crisis language always reaches a human, even when the message itself cannot be sent.
    if (failing.length)
      return revisionAsked(s) ? 'assemble_message' : s.context?.escalation ? 'human_review' : 'finalize';
    const hold = s.holdReason || s.context?.escalation || (s.diagnosis?.confidence ?? 1) < policy.reviewBelow;
    return hold ? 'human_review' : 'finalize';
  };
}
// The compliance node decides (and counts) revisions; the edge only follows its decision.
const revisionAsked = (s: ComposeStateType) => s.steps.at(-1)?.output.next === 'revise';

/** The compose graph, uncompiled: the caller compiles it with its checkpointer. */
export function buildComposeGraph(nodes: GraphNodes, policy: GraphPolicy) {
  return new StateGraph(ComposeState)
    .addNode('load_context', nodes.loadContext)
    .addNode('diagnose_barrier', nodes.diagnose)
    .addNode('plan_strategy', nodes.plan)
    .addNode('assemble_message', nodes.assemble)
    .addNode('check_compliance', nodes.check)
    .addNode('human_review', nodes.review)
    .addNode('finalize', nodes.finalize)
    .addEdge(START, 'load_context')
    .addEdge('load_context', 'diagnose_barrier')
    .addConditionalEdges('diagnose_barrier', afterDiagnosis, ['plan_strategy', 'finalize'])
    .addEdge('plan_strategy', 'assemble_message')
    .addConditionalEdges('assemble_message', afterAssembly, ['check_compliance', 'human_review', 'finalize'])
    .addConditionalEdges('check_compliance', afterCompliance(policy), ['assemble_message', 'human_review', 'finalize'])
    .addEdge('human_review', 'finalize')
    .addEdge('finalize', END);
}
export type ComposeGraph = ReturnType<typeof buildComposeGraph>;
