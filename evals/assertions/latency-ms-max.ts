import { z } from 'zod';
import { defineAssertion, verdict } from './define-assertion.js';

/** The case answered within `value` milliseconds (wall time measured by the runner). */
export const latencyMsMax = defineAssertion(z.strictObject({ value: z.number().min(0) }), (outcome, { value }) => {
  const ms = Math.round(outcome.latencyMs);
  const pass = ms <= value;
  return verdict(pass, `latency ${ms} ms (max ${value})`, pass ? 1 : value / Math.max(ms, 1));
});
