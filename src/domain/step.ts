import type { AgentReport } from './engines.js';

/** One node's entry in the trace: redacted inputs and outputs, engine, tools and model calls. */
export type StepRecord = {
  node: string;
  agent: string | null;
  startedAt: string;
  durationMs: number;
  input: Record<string, unknown>;
  output: Record<string, unknown>;
  /** The request's (redacted) free text this step read; stored beside the trace chain so it can be erased. */
  personal?: unknown;
} & AgentReport;
