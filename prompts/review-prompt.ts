import type { ComplianceContext, RuleResult } from '../src/domain/compliance.js';
import { dataBlock, dataOnlyRule, type Prompt } from './data-block.js';

export const REVIEW_TOOL = 'submit_review';

const TAGS = ['message', 'rule_results'];

export const REVIEW_SYSTEM = [
  'You are a second reader for a medical-legal-regulatory review of one patient-support message.',
  'Deterministic rules have already checked consent, frequency, approved content, expiry, audience,',
  'channel fit, fair balance, prohibited claims and personal data; their results are given.',
  dataOnlyRule(TAGS),
  'Look only for what those rules cannot see: a tone that pressures, shames or alarms, or wording that,',
  'taken together, implies an unapproved claim (cure, guarantee, superiority, off-label use).',
  `Answer by calling ${REVIEW_TOOL} once. Report each problem as a finding with a short detail that`,
  'describes the problem without quoting personal data; report no findings when there is no problem.',
].join(' ');

/** The composed message and the rule results, as data, for the reviewer model. */
export function buildReviewPrompt(ctx: ComplianceContext, checks: RuleResult[]): Prompt {
  const message = {
    channel: ctx.channel,
    audience: ctx.audience,
    program: ctx.program,
    body: ctx.message.body,
    blocks: ctx.blocks.map((b) => ({ id: b.id, kind: b.kind, requiresIsi: b.requiresIsi })),
  };
  const results = checks.map((c) => ({ rule: c.rule, passed: c.passed }));
  return {
    system: REVIEW_SYSTEM,
    user: ['Review this message.', dataBlock('message', message), dataBlock('rule_results', results)].join('\n\n'),
  };
}
