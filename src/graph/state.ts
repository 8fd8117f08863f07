import { Annotation } from '@langchain/langgraph';
import type { RunState } from '../domain/run-state.js';
import type { StepRecord } from '../domain/step.js';

const last = <T>(initial: () => T) => Annotation<T>({ reducer: (_, next) => next, default: initial });

/**
 * The compose run's state, declared once with its reducers: each field is replaced by the node that
 * sets it, and steps accumulate. Its shape is the domain's RunState, which every node reads.
 */
export const ComposeState = Annotation.Root({
  runId: last<RunState['runId']>(() => ''),
  traceId: last<RunState['traceId']>(() => ''),
  request: last<RunState['request']>(() => null),
  today: last<RunState['today']>(() => ''),
  context: last<RunState['context']>(() => null),
  safety: last<RunState['safety']>(() => null),
  diagnosis: last<RunState['diagnosis']>(() => null),
  strategy: last<RunState['strategy']>(() => null),
  channel: last<RunState['channel']>(() => null),
  message: last<RunState['message']>(() => null),
  usedBlocks: last<RunState['usedBlocks']>(() => []),
  checks: last<RunState['checks']>(() => []),
  readability: last<RunState['readability']>(() => null),
  round: last<RunState['round']>(() => 0),
  revise: last<RunState['revise']>(() => false),
  contentGap: last<RunState['contentGap']>(() => null),
  status: last<RunState['status']>(() => null),
  holdReason: last<RunState['holdReason']>(() => null),
  reviewId: last<RunState['reviewId']>(() => null),
  decision: last<RunState['decision']>(() => null),
  steps: Annotation<StepRecord[]>({ reducer: (all, more) => all.concat(more), default: () => [] }),
});
export type ComposeStateType = typeof ComposeState.State;

// The declaration and the domain type must not drift apart: each must be assignable to the other.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameShape: Same<ComposeStateType, RunState> = true;
void sameShape;
