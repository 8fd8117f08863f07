import { freeTexts } from '../../agents/safety/free-texts.js';
import type { RunState } from '../domain/run-state.js';
import { CASE_DUE_HOURS, CASE_KINDS, type CaseDraft, type CaseKind } from '../domain/safety.js';

const HOUR_MS = 3_600_000;
/** Long enough for anyone's account of an event; a narrative is never cut mid-signal without saying so. */
const NARRATIVE_MAX = 8_000;

/** A programme may shorten a report window (settings), never lengthen it past the contract's default. */
export function dueHours(kind: CaseKind, programmeHours?: number | null): number {
  const most = CASE_DUE_HOURS[kind];
  return kind !== 'medical_information' && programmeHours && programmeHours > 0 ? Math.min(most, programmeHours) : most;
}

/**
 * The cases a run's findings open, one per kind (a crisis is held for a person and opens none). The
 * narrative is the subject's own words from the signals that raised the kind, taken from the run's
 * redacted request: direct identifiers are already replaced, medical facts are kept.
 */
export function caseDrafts(
  state: RunState,
  run: { subjectId: string; program: string; product: string | null; detectedAt: Date },
): CaseDraft[] {
  const findings = state.safety?.findings ?? [];
  const texts = freeTexts(state.request?.signals ?? []);
  return CASE_KINDS.flatMap((kind) => {
    const signals = [...new Set(findings.filter((f) => f.kind === kind).map((f) => f.signalIndex))].sort(
      (a, b) => a - b,
    );
    if (!signals.length) return [];
    const words = texts.filter((t) => signals.includes(t.index)).map((t) => `[${t.index}] ${t.text}`);
    const narrative = words.join('\n');
    const hours = dueHours(kind, state.context?.safetyReportHours);
    return [
      {
        kind,
        runId: state.runId,
        subjectRef: run.subjectId,
        program: run.program,
        product: run.product,
        detectedAt: run.detectedAt.toISOString(),
        dueBy: new Date(run.detectedAt.getTime() + hours * HOUR_MS).toISOString(),
        narrative: narrative.length > NARRATIVE_MAX ? `${narrative.slice(0, NARRATIVE_MAX)} [cut]` : narrative,
        signals,
      },
    ];
  });
}
