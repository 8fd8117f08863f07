import type { Channel, ContentBlock } from './block.js';
import type { ComplianceContext, RuleResult } from './compliance.js';
import type { Check, Diagnosis, Signal, Strategy } from './compose.js';
import type { SubjectHistory } from './history.js';
import type { SafetyFinding } from './safety.js';

/** `startedAt` (ISO 8601) is when the call began, so spans show real times; traces stored before it lack it. */
export type ToolCallRecord = { name: string; args: unknown; result: unknown; ms: number; startedAt?: string };
export type ModelCallRecord = {
  model: string;
  promptTokens: number;
  completionTokens: number;
  ms: number;
  ok: boolean;
  error?: string;
  startedAt?: string;
};

/**
 * The model time one run may spend in all, shared by every model call of the run: each call runs with a
 * signal that aborts when the run's total is spent, and once it is spent no call is made. Only time
 * inside model calls counts, so the run's own work (store reads, rules) never eats the model's share.
 */
export interface ModelTime {
  readonly spent: boolean;
  run<T>(call: (signal: AbortSignal) => Promise<T>): Promise<T>;
}

/** What every agent reports besides its answer, for the trace. */
export type AgentReport = {
  engine: 'offline' | 'model';
  fallback?: string;
  toolCalls: ToolCallRecord[];
  modelCalls: ModelCallRecord[];
};

export type DiagnoseInput = {
  signals: Signal[];
  history: SubjectHistory;
  program: string;
  audience: string;
  /** The subject's locale (BCP 47): the language their free text is read in; default en-US. */
  locale?: string;
  /** The request's personal values, so a model engine can redact them before text leaves the process. */
  personalValues?: string[];
  /** The run's model time, shared by every model call of the run. */
  modelTime?: ModelTime;
};
export interface DiagnosisEngine {
  readonly name: 'offline' | 'model';
  diagnose(input: DiagnoseInput): Promise<{ diagnosis: Diagnosis; report: AgentReport }>;
}

export type StrategyInput = {
  diagnosis: Diagnosis;
  history: SubjectHistory;
  audience: string;
  /** The subject's locale (BCP 47): the language the message will be in. */
  locale?: string;
};
export interface StrategyEngine {
  readonly name: 'offline' | 'model';
  plan(input: StrategyInput): Promise<{ strategy: Strategy; report: AgentReport }>;
}

export type SelectInput = {
  diagnosis: Diagnosis;
  strategy: Strategy;
  channel: Channel;
  candidates: ContentBlock[];
  /** The subject's locale (BCP 47): candidates are of it, and so must every chosen block be. */
  locale?: string;
  /** Faults from the last compliance round the selection must fix. */
  faults: Array<Check & { blockIds?: string[] }>;
  /** Blocks the subject saw in the frequency window; fresher ones are preferred. */
  recentBlockIds?: string[];
  /** Confidence is low: ask an approved clarifying question instead of guessing. */
  clarify?: boolean;
  /** The body block the learner chose among its technique's alternatives: first when it is a candidate. */
  preferredBlockId?: string;
  /** The run's model time, shared by every model call of the run. */
  modelTime?: ModelTime;
};
export interface SelectionEngine {
  readonly name: 'offline' | 'model';
  select(input: SelectInput): Promise<{ blockIds: string[]; report: AgentReport }>;
}

/** A model reviewer may add findings; it is never asked to, and can never, pass a failing rule. */
export interface ComplianceReviewer {
  review(
    ctx: ComplianceContext,
    checks: RuleResult[],
    modelTime?: ModelTime,
  ): Promise<{ findings: RuleResult[]; report: AgentReport }>;
}

/**
 * Safety triage as the graph calls it (agents/safety has the offline and model engines). `engineError`
 * says a part of the engine could not read the texts: the findings it has stand, and the run is held.
 */
export interface SafetyTriageEngine {
  readonly name: 'offline' | 'model';
  triage(input: {
    texts: Array<{ index: number; type: string; text: string }>;
    locale: string;
  }): Promise<{ findings: SafetyFinding[]; report: AgentReport & { engineError?: string } }>;
}

/** The model engines a deployment configured; an absent one means the offline engine answers. */
export type ModelEngines = {
  diagnosis?: DiagnosisEngine;
  selection?: SelectionEngine;
  reviewer?: ComplianceReviewer;
  safety?: SafetyTriageEngine;
};
