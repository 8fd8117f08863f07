import type { AgentReport } from '../../src/domain/engines.js';

/** Safety kinds, most severe first: a run's hold reason names the first one found. */
export const SAFETY_KINDS = ['crisis', 'adverse_event', 'product_complaint', 'medical_information'] as const;
export type SafetyKind = (typeof SAFETY_KINDS)[number];

/** One free text of a request, named by its signal (index and type) so findings never need to quote it. */
export type TriageText = { index: number; type: string; text: string };

type FindingSource = 'rule' | 'classifier' | 'model';

/** What triage found in one text; `cues` name rules or lexicon categories, never words of the text. */
export type TextFinding = { kind: SafetyKind; score: number; source: FindingSource; cues: string[] };

export type SafetyFinding = TextFinding & { signalIndex: number; signalType: string };

export type TriageInput = { texts: TriageText[]; locale: string };

/**
 * The agents' common report; the offline engine makes no tool or model calls, and `fallback`
 * says which locale's data read the text when it was not the requested one. `engineError`
 * says a configured engine (the model) failed, so the run must be held for a person even
 * though the offline findings are still there.
 */
type SafetyReport = AgentReport & { engineError?: string };

/**
 * A triage engine can only add caution: it reports what it found and never clears a
 * finding another engine, rule or reviewer made.
 */
export interface SafetyEngine {
  readonly name: 'offline' | 'model';
  triage(input: TriageInput): Promise<{ findings: SafetyFinding[]; report: SafetyReport }>;
}
