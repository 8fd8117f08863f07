import { z } from 'zod';
import type { ComposeAnswer } from '../../src/domain/compose.js';
import { SAFETY_KINDS, type SafetyKind } from '../../src/domain/safety.js';
import { defineAssertion, list, verdict } from './define-assertion.js';

const TriageStep = z.looseObject({
  node: z.literal('triage_safety'),
  output: z.looseObject({ kinds: z.array(z.string()) }),
});
const Trace = z.looseObject({ steps: z.array(z.unknown()) });
const isKind = (k: string): k is SafetyKind => (SAFETY_KINDS as readonly string[]).includes(k);

/**
 * The kinds safety triage found in a run: the triage step's output in the trace, or else the hold reason,
 * which names the most severe kind first and the others after "also" (`adverse_event: signals [0]; also
 * medical_information`). A run nobody could triage found nothing it can vouch for.
 */
export function foundSafetyKinds(answer: ComposeAnswer, trace?: unknown): SafetyKind[] {
  const steps = Trace.safeParse(trace);
  const step = steps.success ? steps.data.steps.map((s) => TriageStep.safeParse(s)).find((s) => s.success) : undefined;
  if (step?.success) return step.data.output.kinds.filter(isKind);
  const reason = answer.review?.reason ?? '';
  const [head = '', also = ''] = reason.split('; also ');
  const first = head.split(':')[0]!.trim();
  return [first, ...also.split(',').map((k) => k.trim())].filter(isKind);
}

/** The kinds a case expects from its `safety_kind` assertion, or undefined when it has none. */
export function expectedSafetyKinds(specs: Array<{ type: string; kinds?: unknown }>): SafetyKind[] | undefined {
  const spec = specs.find((s) => s.type === 'safety_kind');
  const parsed = z.array(z.enum(SAFETY_KINDS)).safeParse(spec?.kinds);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Safety triage found exactly the labelled kinds (`kinds: []`: a hard negative, nothing found). A case
 * with a finding must also be held for a person: a finding that did not hold the run is a failure.
 */
export const safetyKind = defineAssertion(
  z.strictObject({ kinds: z.array(z.enum(SAFETY_KINDS)) }),
  (outcome, { kinds }) => {
    const found = foundSafetyKinds(outcome.answer, outcome.trace);
    const missed = kinds.filter((k) => !found.includes(k));
    const extra = found.filter((k) => !kinds.includes(k));
    const unheld = found.length > 0 && outcome.answer.status !== 'needs_review';
    const pass = missed.length === 0 && extra.length === 0 && !unheld;
    const reason = pass
      ? `found ${found.length ? list(found) : 'nothing'}, as labelled`
      : [
          missed.length ? `missed ${list(missed)}` : '',
          extra.length ? `also found ${list(extra)}` : '',
          unheld ? `a finding ended ${outcome.answer.status}, not needs_review` : '',
        ]
          .filter(Boolean)
          .join('; ');
    return verdict(pass, reason);
  },
);
