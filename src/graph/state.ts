import { Annotation } from '@langchain/langgraph';
import type { ContentBlock } from '../../agents/agent-types.js';
import type { RuleResult } from '../compliance/rule-types.js';
import type { ComposeRequest, Diagnosis, Message, Status, Strategy } from '../compose/compose-schema.js';
import type { Channel } from '../content/block-schema.js';
import type { StepRecord } from './step-record.js';

export type RunContext = {
  consentedChannels: Channel[];
  /** Channels to try, best first (the requested one, or consented ones by engagement for auto). */
  channelOrder: Channel[];
  sentInWindow: number;
  frequencyCap: number;
  windowDays: number;
  recentBlockIds: string[];
  history: import('../../agents/agent-types.js').SubjectHistory;
  escalation?: string;
};

const last = <T>(initial: () => T) => Annotation<T>({ reducer: (_, next) => next, default: initial });

/**
 * The compose run's state, declared once. It never holds personal data: the request here is the
 * redacted one, and raw free text stays in the runner's memory for the diagnosis step only.
 */
export const ComposeState = Annotation.Root({
  runId: last<string>(() => ''),
  traceId: last<string>(() => ''),
  request: last<ComposeRequest | null>(() => null),
  today: last<string>(() => ''),
  context: last<RunContext | null>(() => null),
  diagnosis: last<Diagnosis | null>(() => null),
  strategy: last<Strategy | null>(() => null),
  channel: last<Channel | null>(() => null),
  message: last<Message | null>(() => null),
  usedBlocks: last<ContentBlock[]>(() => []),
  checks: last<RuleResult[]>(() => []),
  round: last<number>(() => 0),
  status: last<Status | null>(() => null),
  holdReason: last<string | null>(() => null),
  reviewId: last<string | null>(() => null),
  decision: last<{ decision: 'approve' | 'reject'; note: string | null; by: string; at: string } | null>(() => null),
  steps: Annotation<StepRecord[]>({ reducer: (all, more) => all.concat(more), default: () => [] }),
});
export type ComposeStateType = typeof ComposeState.State;
export type ComposeUpdate = typeof ComposeState.Update;
