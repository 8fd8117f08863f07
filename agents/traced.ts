import type { AgentReport } from '../src/domain/engines.js';
import type { StepRecord } from '../src/domain/step.js';

type NodeResult<U> = {
  update: U;
  input: Record<string, unknown>;
  output: Record<string, unknown>;
  personal?: unknown;
  report?: AgentReport;
};

/** Wraps a node body so every run of it lands in `steps`, timed, with what it saw and decided. */
export function traced<S, U extends object>(
  node: string,
  agent: string | null,
  body: (state: S) => Promise<NodeResult<U>>,
) {
  return async (state: S): Promise<U & { steps: StepRecord[] }> => {
    const startedAt = new Date();
    const t0 = performance.now();
    const r = await body(state);
    const report = r.report ?? { engine: 'offline' as const, toolCalls: [], modelCalls: [] };
    const step: StepRecord = {
      node,
      agent,
      startedAt: startedAt.toISOString(),
      durationMs: Math.round((performance.now() - t0) * 100) / 100,
      input: r.input,
      output: r.output,
      ...(r.personal === undefined ? {} : { personal: r.personal }),
      ...report,
    };
    return { ...r.update, steps: [step] };
  };
}
