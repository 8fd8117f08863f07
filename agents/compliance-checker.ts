import { DEFAULT_CHANNEL_LIMITS } from '../src/compliance/channel-limits.js';
import { runRules } from '../src/compliance/compliance-rules.js';
import { needsIsiBlocks } from '../src/compliance/fair-balance-rule.js';
import { readabilityReport } from '../src/compliance/readability.js';
import type { ComplianceContext } from '../src/domain/compliance.js';
import type { AgentReport, ComplianceReviewer } from '../src/domain/engines.js';
import type { ContentSource, RunSecretsReader } from '../src/domain/ports.js';
import type { RunState } from '../src/domain/run-state.js';
import { modelCallsLeft } from './model-budget.js';
import { traced } from './traced.js';
import { ModelStepError, modelOutcome } from './with-fallback.js';

const MAX_REVISIONS = 2;

export type ComplianceDeps = { content: ContentSource; secrets: RunSecretsReader; reviewer?: ComplianceReviewer };

/** The compliance agent: deterministic rules on the stored blocks, re-read from the store. */
export function createComplianceNode(deps: ComplianceDeps) {
  return traced('check_compliance', 'compliance', async (state: RunState) => {
    const req = state.request!;
    const ctxRun = state.context!;
    const message = state.message!;
    const blocks = await deps.content.byIds(message.blocks.map((b) => b.id));
    // The programme's ISI blocks matter only to a claim travelling without its own (fair balance): most
    // messages carry it, so the listing (a few dozen full blocks) is read only for those that do not.
    const isiBlocks = needsIsiBlocks(blocks, message.channel)
      ? await deps.content.list({
          program: req.program,
          audience: req.subject.audience,
          channel: message.channel,
          locale: ctxRun.locale,
          kinds: ['isi'],
          limit: 50,
        })
      : [];
    const ctx: ComplianceContext = {
      program: req.program,
      audience: req.subject.audience,
      locale: ctxRun.locale,
      channel: message.channel,
      consents: req.subject.consents,
      signals: req.signals,
      message,
      blocks,
      isiBlocks,
      today: state.today,
      frequency: { sentInWindow: ctxRun.sentInWindow, cap: ctxRun.frequencyCap, windowDays: ctxRun.windowDays },
      personalValues: deps.secrets.get(state.runId).personalValues,
      channelLimits: DEFAULT_CHANNEL_LIMITS,
      ...(ctxRun.preferences ? { preferences: ctxRun.preferences } : {}),
    };
    const { checks } = runRules(ctx);
    let report: AgentReport = { engine: 'offline', toolCalls: [], modelCalls: [] };
    let all = checks;
    const reviewer = modelCallsLeft(state.steps) > 0 ? deps.reviewer : undefined;
    if (reviewer) {
      try {
        const extra = await reviewer.review(ctx, checks, deps.secrets.get(state.runId).modelTime);
        // Findings can only add failures: a deterministic failure stays a failure.
        all = [...checks, ...extra.findings.filter((f) => !checks.some((c) => c.rule === f.rule))];
        report = extra.report;
      } catch (err) {
        const modelCalls = err instanceof ModelStepError ? err.modelCalls : [];
        const reason = (err as Error).message.slice(0, 120);
        report = { ...report, modelCalls, fallback: `model review ${modelOutcome(err)} (${reason}); rules only` };
      }
    }
    const failing = all.filter((c) => !c.passed);
    // Safety information is fixed regulatory text: the grade is read on what the programme chose to say.
    const lay = blocks.filter((b) => b.kind !== 'isi').map((b) => b.text);
    const readability = readabilityReport(lay.join(' '), req.subject.audience, ctxRun.locale);
    const revise = failing.length > 0 && failing.every((c) => c.fixable) && state.round < MAX_REVISIONS;
    return {
      update: { checks: all, readability, revise, round: revise ? state.round + 1 : state.round },
      input: { channel: message.channel, locale: ctxRun.locale, blocks: message.blocks, round: state.round },
      output: {
        verdict: failing.length ? 'fail' : 'pass',
        // A configured reviewer not asked because the message's model-call budget is spent.
        ...(deps.reviewer && !reviewer ? { modelReview: 'skipped: model call budget spent' } : {}),
        failing: failing.map((c) => c.rule),
        readability,
        next: failing.length ? (revise ? 'revise' : 'blocked') : 'pass',
      },
      report,
    };
  });
}
