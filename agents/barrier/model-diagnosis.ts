import { type BaseMessage, HumanMessage, SystemMessage } from '@langchain/core/messages';
import type { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
import { buildDiagnosisPrompt, DIAGNOSIS_TOOL } from '../../prompts/diagnosis-prompt.js';
import { BARRIERS } from '../../src/domain/block.js';
import type { Diagnosis, Signal } from '../../src/domain/compose.js';
import type { DiagnosisEngine, ToolCallRecord } from '../../src/domain/engines.js';
import { createRedactor } from '../../src/privacy/redact.js';
import { createBarrierDefinitionsTool, createSubjectHistoryTool } from '../../tools/diagnosis-tools.js';
import { ModelCallLog } from '../model/chat-model.js';
import type { ModelGuard } from '../model/model-guard.js';
import { readStructured } from '../model/structured-answer.js';
import { BARRIER_DEFINITIONS } from './barrier-definitions.js';

/** What the model must submit: evidence is signal indexes and types only, so no model text reaches the answer. */
export const DiagnosisAnswer = z.object({
  barrier: z.enum(BARRIERS),
  confidence: z.number().min(0).max(1),
  evidence: z.array(z.object({ signal: z.number().int().min(0), type: z.string() })).max(50),
  alternatives: z.array(z.object({ barrier: z.enum(BARRIERS), confidence: z.number().min(0).max(1) })).max(9),
});
export type DiagnosisAnswer = z.infer<typeof DiagnosisAnswer>;

const submitTool = {
  name: DIAGNOSIS_TOOL,
  description: 'Submit the diagnosed barrier, its confidence, the signals cited as evidence and the alternatives.',
  schema: DiagnosisAnswer,
};

/** The contract's diagnosis from a validated answer, or why the answer cannot be used. */
export function toDiagnosis(answer: DiagnosisAnswer, signals: Signal[]): Diagnosis | string {
  const cited = [...new Set(answer.evidence.map((e) => e.signal))].sort((a, b) => a - b);
  const wrong = answer.evidence.some((e) => signals[e.signal]?.type !== e.type);
  if (wrong) return 'invalid output: evidence cites a signal that is not in the request';
  const seen = new Set([answer.barrier]);
  const alternatives = [...answer.alternatives]
    .sort((a, b) => b.confidence - a.confidence)
    .filter((a) => !seen.has(a.barrier) && seen.add(a.barrier))
    .slice(0, 3);
  const round = (p: number) => Math.round(p * 1000) / 1000;
  return {
    barrier: answer.barrier,
    confidence: round(answer.confidence),
    evidence: cited.length
      ? cited.map((i) => `signals[${i}] ${signals[i]!.type}: cited by the model as evidence of ${answer.barrier}`)
      : ['the model cited no signal'],
    alternatives: alternatives.map((a) => ({ barrier: a.barrier, confidence: round(a.confidence) })),
  };
}

/**
 * The model engine: one call with the signals (redacted), history and definitions in the prompt; if
 * the model looks something up instead, the lookup runs and one more call must submit. At most two
 * calls; any failure throws a ModelStepError so the offline engine answers instead.
 */
export function createModelDiagnosisEngine(model: ChatOpenAI, guard?: ModelGuard): DiagnosisEngine {
  return {
    name: 'model',
    async diagnose(input) {
      const log = new ModelCallLog(model.model, guard);
      const signals = createRedactor({ known: input.personalValues ?? [] }).value(input.signals);
      const prompt = buildDiagnosisPrompt({ signals, history: input.history, definitions: BARRIER_DEFINITIONS });
      const lookups = [createSubjectHistoryTool(input.history), createBarrierDefinitionsTool(BARRIER_DEFINITIONS)];
      // The trace gets sizes, not the (already traced) history or the fixed definitions again.
      const summaries: Record<string, unknown> = {
        get_subject_history: {
          recentMessages: input.history.recentMessages.length,
          recentBarriers: input.history.recentBarriers.length,
        },
        get_barrier_definitions: { barriers: BARRIER_DEFINITIONS.length },
      };
      const messages: BaseMessage[] = [new SystemMessage(prompt.system), new HumanMessage(prompt.user)];
      const toolCalls: ToolCallRecord[] = [];

      const firstCall = model.bindTools([...lookups, submitTool], { tool_choice: 'required' });
      let answer = await log.invoke(firstCall, messages, input.modelTime);
      const calls = answer.tool_calls ?? [];
      if (calls.length > 0 && !calls.some((c) => c.name === DIAGNOSIS_TOOL)) {
        const results: BaseMessage[] = [];
        for (const call of calls) {
          const lookup = lookups.find((t) => t.name === call.name);
          if (!lookup) throw log.failure('invalid output: call of an unknown tool');
          const t0 = performance.now();
          const startedAt = new Date().toISOString();
          results.push((await lookup.invoke({ ...call, args: {} })) as BaseMessage);
          // The lookups take no arguments: whatever the model passed is not recorded.
          const ms = Math.round(performance.now() - t0);
          toolCalls.push({ name: call.name, args: {}, result: summaries[call.name], ms, startedAt });
        }
        // Same tools as the first call (the history references them), but now it must submit.
        const submitNow = model.bindTools([...lookups, submitTool], { tool_choice: DIAGNOSIS_TOOL });
        answer = await log.invoke(submitNow, [...messages, answer, ...results], input.modelTime);
      }
      const read = readStructured(answer, DIAGNOSIS_TOOL, DiagnosisAnswer);
      if (!read.ok) throw log.failure(read.reason);
      const diagnosis = toDiagnosis(read.value, input.signals);
      if (typeof diagnosis === 'string') throw log.failure(diagnosis);
      return { diagnosis, report: { engine: 'model', toolCalls, modelCalls: log.calls } };
    },
  };
}
