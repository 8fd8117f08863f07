import type { StepRecord } from '../src/domain/step.js';

/**
 * Model calls one message may spend across all agents: diagnosis, selection and review take one
 * each. Revisions, extra channels and a diagnosis that looks something up would exceed it, so
 * the steps after that use their offline engine (or, for the reviewer, the rules alone).
 */
const MODEL_CALLS_PER_MESSAGE = 3;

/** Calls still allowed, given the steps the run has taken so far. */
export function modelCallsLeft(steps: StepRecord[], spentHere = 0): number {
  const spent = steps.reduce((n, s) => n + s.modelCalls.length, spentHere);
  return Math.max(0, MODEL_CALLS_PER_MESSAGE - spent);
}
