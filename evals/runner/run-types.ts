import type { Barrier } from '../../src/domain/block.js';
import type { SafetyKind } from '../../src/domain/safety.js';

/** One assertion's verdict on one attempt, as reports show it. */
export type AssertionOutcome = {
  type: string;
  name: string;
  pass: boolean;
  score: number;
  reason: string;
  skipped?: boolean;
};

/** What a case sent, as a strategist reads it: each signal's type and its words or data. */
export type CaseInputLine = { signal: number; type: string; text: string };
/** What a case got back: the message and the text of each block it was built from. */
export type CaseOutput = {
  channel: string;
  body: string;
  blocks: Array<{ id: string; approvalCode: string; text: string | null }>;
} | null;

/** One run of one case (a case runs `repeat` times). */
export type Attempt = {
  input?: CaseInputLine[];
  output?: CaseOutput;
  caseId: string;
  repeat: number;
  status: string | null;
  barrier: Barrier | null;
  /** The kinds safety triage found (null when the case did not run). */
  safetyKinds?: SafetyKind[] | null;
  blockIds: string[];
  assertions: AssertionOutcome[];
  pass: boolean;
  latencyMs: number;
  error?: string;
};

/** A case's result: its first attempt's answer, passing only when every attempt passed. */
export type CaseResult = {
  id: string;
  input?: CaseInputLine[];
  output?: CaseOutput;
  tags: string[];
  source?: { file: string; line?: number };
  status: string | null;
  barrier: Barrier | null;
  /** From the case's `barrier` assertion, when it has one. */
  expectedBarrier?: Barrier;
  /** The subject locale the case asked for (canonical BCP 47); absent in runs stored before it was kept. */
  locale?: string;
  blockIds: string[];
  assertions: AssertionOutcome[];
  pass: boolean;
  latencyMs: number;
  error?: string;
  attempts: number;
  /** Set when repeats answered differently: each distinct answer and how many attempts gave it. */
  flaky?: Array<{ count: number; status: string | null; barrier: string | null; blockIds: string[]; failed: string[] }>;
};

export type ThresholdResult = {
  metric: string;
  assertion?: string;
  /** Measured only on the cases with this tag. */
  tag?: string;
  /** Measured only on the cases of this suite (of a suite composed of suites). */
  suite?: string;
  /** The safety kind a safety_recall or safety_precision threshold measures. */
  kind?: string;
  /** null when the metric has no value (see note); then it does not hold. */
  actual: number | null;
  min?: number;
  max?: number;
  held: boolean;
  note?: string;
};

export type BarrierSummary = {
  /** Cases with an expected barrier whose diagnosis matched, over all cases with one (errors count as misses). */
  accuracy: number;
  macroF1: number;
  evaluated: number;
  /** Cases with an expected barrier but no diagnosis (a case error, or a run stopped before diagnosis). */
  undiagnosed: number;
  labels: Barrier[];
  /** matrix[expected][predicted] over `labels`. */
  matrix: number[][];
  perBarrier: Array<{ label: Barrier; precision: number; recall: number; f1: number; support: number }>;
};

/**
 * Safety triage per kind over the cases with a `safety_kind` assertion: recall over the cases labelled with
 * the kind, precision over the cases where it was found (a case that errored counts as finding nothing).
 */
export type SafetySummary = {
  evaluated: number;
  perKind: Array<{
    kind: SafetyKind;
    support: number;
    found: number;
    falseAlarms: number;
    recall: number;
    precision: number;
  }>;
};

export type RunSummary = {
  cases: number;
  attempts: number;
  passed: number;
  failed: number;
  errors: number;
  passRate: number;
  flaky: string[];
  barrier: BarrierSummary;
  safety: SafetySummary;
  byAssertion: Record<string, { pass: number; fail: number; skipped: number }>;
  latency: { p50: number; p95: number; max: number; samples: number[] };
  thresholds: ThresholdResult[];
  thresholdsHeld: boolean;
};

export type RunProgress = { done: number; total: number; caseId: string; pass: boolean };

export type RunOptions = {
  filterTags?: string[];
  repeat?: number;
  concurrency?: number;
  against?: { url: string; key: string };
  onProgress?: (p: RunProgress) => void;
  /** Stops scheduling further cases (the run ends with the cases already done). */
  signal?: AbortSignal;
};

export type SuiteRunResult = { cases: CaseResult[]; summary: RunSummary };
