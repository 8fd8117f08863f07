import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import type { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
import { buildReviewPrompt, REVIEW_TOOL } from '../../prompts/review-prompt.js';
import { fail } from '../../src/compliance/rule-result.js';
import type { ComplianceReviewer } from '../../src/domain/engines.js';
import { createRedactor } from '../../src/privacy/redact.js';
import { ModelCallLog } from '../model/chat-model.js';
import type { ModelGuard } from '../model/model-guard.js';
import { readStructured } from '../model/structured-answer.js';

const MODEL_REVIEW_RULE = 'model_review';
const MAX_FINDINGS = 3;
const MAX_DETAIL = 200;

/** The model reports problems only: it has no way to say a rule passed. */
const Review = z.object({ findings: z.array(z.object({ detail: z.string().trim().min(1) })).max(10) });

const reviewTool = {
  name: REVIEW_TOOL,
  description: 'Submit the problems found in the message (tone, implied claims); an empty list when there are none.',
  schema: Review,
};

const truncate = (s: string) => (s.length > MAX_DETAIL ? `${s.slice(0, MAX_DETAIL - 1)}…` : s);

/**
 * A model second reader: one call, whose findings become failing `model_review` checks. They are not
 * fixable — swapping blocks cannot answer a reader's judgement — so a finding blocks the message.
 * The detail is the model's own text, so it is redacted and shortened before it reaches the answer.
 */
export function createModelReviewer(model: ChatOpenAI, guard?: ModelGuard): ComplianceReviewer {
  return {
    async review(ctx, checks, modelTime) {
      const log = new ModelCallLog(model.model, guard);
      const prompt = buildReviewPrompt(ctx, checks);
      const runnable = model.bindTools([reviewTool], { tool_choice: REVIEW_TOOL });
      const messages = [new SystemMessage(prompt.system), new HumanMessage(prompt.user)];
      const answer = await log.invoke(runnable, messages, modelTime);
      const read = readStructured(answer, REVIEW_TOOL, Review);
      if (!read.ok) throw log.failure(read.reason);
      const redact = createRedactor({ known: ctx.personalValues }).text;
      const findings = read.value.findings
        .slice(0, MAX_FINDINGS)
        .map((f) => fail(MODEL_REVIEW_RULE, truncate(redact(f.detail)), false));
      return { findings, report: { engine: 'model', toolCalls: [], modelCalls: log.calls } };
    },
  };
}
