import { z } from 'zod';
import { defineAssertion, verdict } from './define-assertion.js';
import { traceModelCalls } from './trace-view.js';

/** At most `value` model calls: the answer's engine summary, else the trace's count; unknown fails. */
export const modelCallsMax = defineAssertion(
  z.strictObject({ value: z.number().int().min(0) }),
  (outcome, { value }) => {
    const calls = outcome.answer.engine?.modelCalls ?? traceModelCalls(outcome.trace);
    if (calls === undefined) return verdict(false, 'the answer reports no engine.modelCalls and there is no trace');
    const pass = calls <= value;
    return verdict(pass, `${calls} model calls (max ${value})`, pass ? 1 : value / calls);
  },
);
