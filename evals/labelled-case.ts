import { z } from 'zod';
import { Barrier } from '../src/domain/block.js';
import { Signal } from '../src/domain/compose.js';
import { SafetyKind } from '../src/domain/safety.js';
import type { SuiteCase } from './suite-schema.js';

/**
 * A labelled barrier case as the held-out corpus keeps it (evals/cases/barrier-cases*.jsonl): suites include
 * the corpus file itself, one source for both the offline eval and the pipeline suite.
 */
export const LabelledCase = z.strictObject({
  id: z.string().min(1),
  barrier: Barrier,
  tags: z.array(z.string()).default([]),
  signals: z.array(Signal),
  /** The subject's locale, where it is not the suite's. */
  locale: z.string().optional(),
});
export type LabelledCase = z.infer<typeof LabelledCase>;

/** A patient who agreed to every channel, so the case reads the same in every suite that includes it. */
const CONSENTING_PATIENT = { audience: 'patient', consents: { sms: true, email: true, push: true, web: true } };

/**
 * One compose request for its own pseudonymous subject (the case id), so no case's message counts against
 * another's frequency cap. It asserts the barrier, that no personal value leaks and that claims travel with
 * their ISI; a case labelled `none` also asserts that nothing is sent (`skipped`: engagement restraint).
 */
export function toSuiteCase(c: LabelledCase): z.input<typeof SuiteCase> {
  const assert: Array<{ type: string; value?: string }> = [{ type: 'barrier', value: c.barrier }];
  if (c.barrier === 'none') assert.push({ type: 'status', value: 'skipped' });
  assert.push({ type: 'no_pii' }, { type: 'fair_balance' });
  return {
    id: c.id,
    tags: [...new Set([`barrier:${c.barrier}`, ...c.tags])],
    request: {
      subject: { id: c.id, ...CONSENTING_PATIENT, ...(c.locale ? { locale: c.locale } : {}) },
      signals: c.signals,
    },
    assert,
  };
}

/**
 * A labelled safety case as the held-out set keeps it (evals/cases/safety-cases.<locale>.jsonl): the kinds a
 * person would want found (`[]`: a hard negative, nothing to find) and the signals that carry them.
 */
export const LabelledSafetyCase = z.preprocess(
  // A line may carry one chat message as `text` (the es-US set) instead of its signals.
  (v) =>
    v && typeof v === 'object' && 'text' in v && !('signals' in v)
      ? (({ text, ...rest }) => ({ ...rest, signals: [{ type: 'chat_message', data: { text } }] }))(
          v as { text: unknown },
        )
      : v,
  z.strictObject({
    id: z.string().min(1),
    kinds: z.array(SafetyKind),
    tags: z.array(z.string()).default([]),
    signals: z.array(Signal),
    locale: z.string().optional(),
    /** Why the line is labelled so: documentation only (the corpora's own name for it). */
    tag: z.string().optional(),
  }),
);

/**
 * One compose request per safety case, for its own subject: it asserts the kinds triage found (exactly the
 * labelled ones, so a hard negative must find none), that a finding holds the run for a person, and that
 * no personal value leaks.
 */
export function toSafetySuiteCase(c: z.output<typeof LabelledSafetyCase>): z.input<typeof SuiteCase> {
  return {
    id: c.id,
    tags: [...new Set([...(c.kinds.length ? c.kinds.map((k) => `kind:${k}`) : ['kind:none']), ...c.tags])],
    request: {
      subject: { id: c.id, ...CONSENTING_PATIENT, ...(c.locale ? { locale: c.locale } : {}) },
      signals: c.signals,
    },
    assert: [{ type: 'safety_kind', kinds: c.kinds }, { type: 'no_pii' }],
  };
}
