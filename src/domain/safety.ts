import { z } from 'zod';

/**
 * The contract's safety kinds, most severe first (CONTRACT.md, "Safety triage"): a held run's reason
 * names the first one found. The triage engines (agents/safety) report kinds of this list.
 */
export const SAFETY_KINDS = ['crisis', 'adverse_event', 'product_complaint', 'medical_information'] as const;
export const SafetyKind = z.enum(SAFETY_KINDS);
export type SafetyKind = z.infer<typeof SafetyKind>;

/** What triage found in one signal's free text: cues name rules or lexicon categories, never the words. */
export type SafetyFinding = {
  kind: SafetyKind;
  score: number;
  source: string;
  cues: string[];
  signalIndex: number;
  signalType: string;
};

/** A run's triage: its findings, or the engine's failure (which holds the run as surely as a finding). */
export type SafetyTriage = { findings: SafetyFinding[]; error: string | null };

/** Kinds that open a safety case; a crisis is held for a person and opens none. */
export const CASE_KINDS = ['adverse_event', 'product_complaint', 'medical_information'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** Hours a case may stay unreported: a programme may shorten these, never lengthen them. */
export const CASE_DUE_HOURS: Record<CaseKind, number> = {
  adverse_event: 24,
  product_complaint: 24,
  medical_information: 72,
};

export const CASE_STATUSES = ['open', 'acknowledged', 'reported', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_ACTIONS = ['acknowledge', 'report', 'close'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Which status each action leads to, and from which statuses it may be taken. */
export const CASE_TRANSITIONS: Record<CaseAction, { from: readonly CaseStatus[]; to: CaseStatus }> = {
  acknowledge: { from: ['open'], to: 'acknowledged' },
  report: { from: ['open', 'acknowledged'], to: 'reported' },
  close: { from: ['acknowledged', 'reported'], to: 'closed' },
};

/** A case as a run opens it, before the store gives it an id and a history. */
export type CaseDraft = {
  kind: CaseKind;
  runId: string;
  subjectRef: string;
  program: string;
  product: string | null;
  detectedAt: string;
  dueBy: string;
  narrative: string;
  signals: number[];
};

/** The most severe kind among findings (the order of SAFETY_KINDS), or undefined when there are none. */
export function mostSevere(findings: readonly { kind: SafetyKind }[]): SafetyKind | undefined {
  return SAFETY_KINDS.find((k) => findings.some((f) => f.kind === k));
}
