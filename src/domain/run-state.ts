import type { Channel, ContentBlock } from './block.js';
import type { PreferenceContext, RuleResult } from './compliance.js';
import type { ComposeRequest, Diagnosis, Message, Readability, Status, Strategy } from './compose.js';
import type { SubjectHistory } from './history.js';
import type { SubjectLearnerCounts } from './learner-counts.js';
import type { LearningMode } from './ports.js';
import type { SafetyTriage } from './safety.js';
import type { StepRecord } from './step.js';

export type RunContext = {
  /** The subject's locale (canonical BCP 47), settled once: every agent reads and writes in it. */
  locale: string;
  consentedChannels: Channel[];
  /** Channels to try, best first (the requested one, or consented ones by engagement for auto). */
  channelOrder: Channel[];
  sentInWindow: number;
  frequencyCap: number;
  windowDays: number;
  recentBlockIds: string[];
  history: SubjectHistory;
  /** Consent settled before content: the first consented channel to try, or why none is. */
  consent: RuleResult;
  /** Hours a programme allows before an adverse event or complaint must be reported (shorter than 24 only). */
  safetyReportHours?: number;
  /** The subject's own limits, when their profile or engagement is known. */
  preferences?: PreferenceContext;
  /** The programme's learning mode (settings); off when absent. */
  learning?: LearningMode;
  /** The subject's own outcome and open counts, read beside the run history when learning is shadow or on. */
  learnerCounts?: SubjectLearnerCounts;
  /** The body block the learner chose among its technique's approved alternatives (learning on). */
  preferredBlockId?: string;
};

export type ReviewDecision = { decision: 'approve' | 'reject'; note: string | null; by: string; at: string };

/**
 * A compose run's state as every node reads it (the graph declares it once with its reducers). It never
 * holds personal data: the request here is the redacted one, and raw free text stays in run memory.
 */
export type RunState = {
  runId: string;
  traceId: string;
  request: ComposeRequest | null;
  today: string;
  context: RunContext | null;
  /** What safety triage found in the request's free text (kinds, signal indexes, scores, cues; never the text). */
  safety: SafetyTriage | null;
  diagnosis: Diagnosis | null;
  strategy: Strategy | null;
  channel: Channel | null;
  message: Message | null;
  usedBlocks: ContentBlock[];
  checks: RuleResult[];
  /** The message's reading grade, as the compliance agent reported it. */
  readability: Readability | null;
  round: number;
  /** The compliance agent asked for another selection round (it decides and counts revisions). */
  revise: boolean;
  /** No usable block of the subject's locale addressed the barrier: counted with the run, in its transaction. */
  contentGap: { barrier: string; channel: Channel; locale: string } | null;
  status: Status | null;
  holdReason: string | null;
  reviewId: string | null;
  decision: ReviewDecision | null;
  steps: StepRecord[];
};

/** What a node returns: the fields it changed and its one trace step. */
export type NodeUpdate = Partial<RunState> & { steps: StepRecord[] };
