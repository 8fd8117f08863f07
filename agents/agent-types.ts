import type { Check, Diagnosis, Signal, Strategy } from '../src/compose/compose-schema.js';
import type { Block, Channel } from '../src/content/block-schema.js';

/** What earlier runs tell about this subject (no personal data: ids, times, codes only). */
export type SubjectHistory = {
  /** Messages approved (and so sent) to the subject in the frequency window, newest first. */
  recentMessages: Array<{ at: string; channel: Channel; barrier: string; techniques: string[]; blockIds: string[] }>;
  /** Barriers diagnosed in earlier runs, newest first. */
  recentBarriers: Array<{ at: string; barrier: string; confidence: number }>;
};

export type ToolCallRecord = { name: string; args: unknown; result: unknown; ms: number };
export type ModelCallRecord = {
  model: string;
  promptTokens: number;
  completionTokens: number;
  ms: number;
  ok: boolean;
  error?: string;
};

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
};
export interface DiagnosisEngine {
  readonly name: 'offline' | 'model';
  diagnose(input: DiagnoseInput): Promise<{ diagnosis: Diagnosis; report: AgentReport }>;
}

export type StrategyInput = { diagnosis: Diagnosis; history: SubjectHistory; audience: string };
export interface StrategyEngine {
  readonly name: 'offline' | 'model';
  plan(input: StrategyInput): Promise<{ strategy: Strategy; report: AgentReport }>;
}

/** A usable block as the composer sees it; `score` is its fused search rank when retrieval found it. */
export type ContentBlock = Block & { version: number; score?: number };
export type SelectInput = {
  diagnosis: Diagnosis;
  strategy: Strategy;
  channel: Channel;
  candidates: ContentBlock[];
  /** Faults from the last compliance round the selection must fix. */
  faults: Array<Check & { blockIds?: string[] }>;
  /** Blocks the subject saw in the frequency window; fresher ones are preferred. */
  recentBlockIds?: string[];
  /** Confidence is low: ask an approved clarifying question instead of guessing. */
  clarify?: boolean;
};
export interface SelectionEngine {
  readonly name: 'offline' | 'model';
  select(input: SelectInput): Promise<{ blockIds: string[]; report: AgentReport }>;
}
