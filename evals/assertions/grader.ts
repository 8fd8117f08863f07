import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import type { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
import { createChatModel } from '../../agents/model/chat-model.js';
import { readStructured } from '../../agents/model/structured-answer.js';
import { buildRubricPrompt, GRADE_TOOL } from '../../prompts/rubric-prompt.js';
import type { ModelEnv } from '../../src/compose/model-engines.js';
import type { Grader } from './assertion-types.js';

const Grade = z.object({ pass: z.boolean(), score: z.number().min(0).max(1), reason: z.string().trim().min(1) });

const gradeTool = {
  name: GRADE_TOOL,
  description: 'Submit the grade of the output against the rubric.',
  schema: Grade,
};

/** A grader over a chat model: one forced tool call, read as the project's other structured answers are. */
export function createRubricGrader(model: Pick<ChatOpenAI, 'bindTools'>): Grader {
  return {
    async grade(rubric, output) {
      const prompt = buildRubricPrompt(rubric, output);
      const runnable = model.bindTools([gradeTool], { tool_choice: GRADE_TOOL });
      const answer = await runnable.invoke([new SystemMessage(prompt.system), new HumanMessage(prompt.user)]);
      const read = readStructured(answer, GRADE_TOOL, Grade);
      // Thrown, so runAssertion records a failing result with this reason rather than a guess.
      if (!read.ok) throw new Error(`grader answered unusably: ${read.reason}`);
      return read.value;
    },
  };
}

/** The configured model as a grader; undefined when no model is configured, so llm_rubric skips. */
export function createModelGrader(env: ModelEnv): Grader | undefined {
  if (!env.NOF1_MODEL_BASE_URL || !env.NOF1_MODEL) return undefined;
  return createRubricGrader(
    createChatModel({
      baseUrl: env.NOF1_MODEL_BASE_URL,
      model: env.NOF1_MODEL,
      apiKey: env.NOF1_MODEL_API_KEY,
      timeoutMs: env.NOF1_MODEL_TIMEOUT_MS,
      maxRetries: env.NOF1_MODEL_MAX_RETRIES,
    }),
  );
}
