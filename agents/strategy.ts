import type { AgentReport, StrategyEngine } from '../src/domain/engines.js';
import type { ContentSource } from '../src/domain/ports.js';
import type { RunState } from '../src/domain/run-state.js';
import { ANONYMOUS_PREFIX } from '../src/domain/subject.js';
import { allowedActions } from './learning/allowed-actions.js';
import { blockAlternatives } from './learning/block-choice.js';
import { learnedStrategy } from './learning/learned-strategy.js';
import type { LearnerSource } from './learning/learner-source.js';
import { traced } from './traced.js';
import { withFallback } from './with-fallback.js';

export type StrategyDeps = {
  offline: StrategyEngine;
  model?: StrategyEngine;
  /** What the learner knows and the content it may choose among; without it learning stays off. */
  learning?: { source: LearnerSource; content: Pick<ContentSource, 'list'> };
};

type StrategyStep = {
  update: Pick<RunState, 'strategy'> & Partial<Pick<RunState, 'context'>>;
  input: Record<string, unknown>;
  output: Record<string, unknown>;
  report: AgentReport;
};

/** Runs the learner may choose for: a barrier to address, no safety finding (a person sees it first), within the cap. */
function learnable(state: RunState): boolean {
  const ctx = state.context!;
  return (
    (ctx.learning ?? 'off') !== 'off' &&
    state.diagnosis!.barrier !== 'none' &&
    !state.safety?.error &&
    !state.safety?.findings.length &&
    ctx.preferences?.informedChoice?.acknowledged === undefined &&
    ctx.sentInWindow < ctx.frequencyCap
  );
}

/** The channels the run may send on: in the run's order, consented and not switched off by the subject. */
function sendableChannels(state: RunState) {
  const ctx = state.context!;
  const off = ctx.preferences?.preferences.channelsOff ?? [];
  return ctx.channelOrder.filter((c) => ctx.consentedChannels.includes(c) && !off.includes(c));
}

/**
 * The behavioural-science strategy agent: 1–3 BCTs for the barrier, with a readable rationale. Where the
 * programme's learning is `shadow` or `on`, the learner weighs every allowed action (learned-strategy.ts).
 */
export function createStrategyNode(deps: StrategyDeps) {
  return traced('plan_strategy', 'strategy', async (state: RunState): Promise<StrategyStep> => {
    const input = {
      diagnosis: state.diagnosis!,
      history: state.context!.history,
      audience: state.request!.subject.audience,
      locale: state.context!.locale,
    };
    const { strategy: table, report } = await withFallback(deps.model && (() => deps.model!.plan(input)), () =>
      deps.offline.plan(input),
    );
    const recentTechniques = [...new Set(input.history.recentMessages.flatMap((m) => m.techniques))];
    const traceInput = {
      barrier: input.diagnosis.barrier,
      confidence: input.diagnosis.confidence,
      locale: input.locale,
      recentTechniques,
    };
    const channels = sendableChannels(state);
    if (!deps.learning || !learnable(state) || channels.length === 0) {
      return { update: { strategy: table }, input: traceInput, output: { strategy: table }, report };
    }
    const req = state.request!;
    const ctx = state.context!;
    const subject = req.subject.id.startsWith(ANONYMOUS_PREFIX) ? undefined : req.subject.id;
    const [learner, blocks] = await Promise.all([
      deps.learning.source.state(req.program, subject, ctx.learnerCounts),
      deps.learning.content.list({
        program: req.program,
        audience: req.subject.audience,
        locale: ctx.locale,
        barrier: input.diagnosis.barrier,
        limit: 500,
      }),
    ]);
    const allowed = allowedActions({
      barrier: input.diagnosis.barrier,
      blocks,
      channels,
      topicsOff: ctx.preferences?.preferences.topicsOff,
    });
    // With no approved block to send, silence is the learner's only choice, and it would hide a content gap
    // the contract holds for review (and count as a skip it never weighed): the table's strategy stands.
    if (!allowed.some((a) => a.kind === 'send')) {
      const step = { ...traceInput, learning: ctx.learning, allowed: 0 };
      return { update: { strategy: table }, input: step, output: { strategy: table }, report };
    }
    const learned = learnedStrategy({
      mode: ctx.learning as 'shadow' | 'on',
      state: learner,
      subject,
      barrier: input.diagnosis.barrier,
      allowed,
      table: { strategy: table, channel: channels[0] ?? null },
      seed: state.runId,
      // Only a request that leaves the channel to the service (`auto`) has its channel chosen from opens.
      ...(req.channel === 'auto' ? { opens: learner.opens } : {}),
      alternatives: (action) =>
        blockAlternatives(blocks, input.diagnosis.barrier, action, ctx.preferences?.preferences.topicsOff),
    });
    const channelOrder = learned.channel
      ? [learned.channel, ...ctx.channelOrder.filter((c) => c !== learned.channel)]
      : ctx.channelOrder;
    const preferredBlockId = learned.block ?? undefined;
    return {
      update: { strategy: learned.strategy, context: { ...ctx, channelOrder, preferredBlockId } },
      input: { ...traceInput, learning: ctx.learning, allowed: allowed.length },
      output: { strategy: learned.strategy, learning: learned.record },
      report,
    };
  });
}
