import type { StrategyEngine } from '../src/domain/engines.js';
import type { RunState } from '../src/domain/run-state.js';
import { traced } from './traced.js';
import { withFallback } from './with-fallback.js';

export type StrategyDeps = { offline: StrategyEngine; model?: StrategyEngine };

/** The behavioural-science strategy agent: 1–3 BCTs for the barrier, with a readable rationale. */
export function createStrategyNode(deps: StrategyDeps) {
  return traced('plan_strategy', 'strategy', async (state: RunState) => {
    const input = {
      diagnosis: state.diagnosis!,
      history: state.context!.history,
      audience: state.request!.subject.audience,
      locale: state.context!.locale,
    };
    const { strategy, report } = await withFallback(deps.model && (() => deps.model!.plan(input)), () =>
      deps.offline.plan(input),
    );
    const recentTechniques = [...new Set(input.history.recentMessages.flatMap((m) => m.techniques))];
    return {
      update: { strategy },
      input: {
        barrier: input.diagnosis.barrier,
        confidence: input.diagnosis.confidence,
        locale: input.locale,
        recentTechniques,
      },
      output: { strategy },
      report,
    };
  });
}
