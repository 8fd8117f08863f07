import {
  type Attributes,
  type Context,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import type { ComposeAnswer } from '../domain/compose.js';
import type { ModelCallRecord, ToolCallRecord } from '../domain/engines.js';
import type { StepRecord } from '../domain/step.js';
import { GEN_AI, NOF1, OPERATION } from './gen-ai-attributes.js';

const ROOT_AGENT = 'nof1-compose';
type Plain = string | number | boolean | undefined;
export type Clean = (s: string) => string;
type Writer = { tracer: Tracer; clean: Clean; attrs: (a: Record<string, Plain>) => Attributes };

/**
 * Writes one finished run as spans: a root `invoke_agent nof1-compose`, a child per graph step
 * (`invoke_agent {agent}` for agent nodes), and under each step its `execute_tool` and `chat` spans.
 * Spans are made after the run from the trace's real start times and durations. Every string goes
 * through `clean` (the redactor) as a last guard; inputs, outputs and tool arguments are never exported.
 */
export function recordRunSpans(
  tracer: Tracer,
  run: { answer: ComposeAnswer; steps: StepRecord[]; seconds?: number },
  clean: Clean,
): void {
  const attrs = (a: Record<string, Plain>): Attributes => {
    const out: Attributes = {};
    for (const [k, v] of Object.entries(a)) if (v !== undefined) out[k] = typeof v === 'string' ? clean(v) : v;
    return out;
  };
  const w: Writer = { tracer, clean, attrs };
  const { answer, steps, seconds } = run;
  const now = Date.now();
  const starts = steps.map((s) => Date.parse(s.startedAt));
  // A compose knows its end-to-end time (it is observed as it returns); a resumed run only has its steps.
  const firsts = [...starts, ...(seconds === undefined ? [] : [now - seconds * 1000])];
  const lasts = [...steps.map((s, i) => starts[i]! + s.durationMs), ...(seconds === undefined ? [] : [now])];
  const rootStart = firsts.length ? Math.min(...firsts) : now;
  const rootEnd = Math.max(rootStart, ...lasts);

  const root = tracer.startSpan(
    `${OPERATION.invokeAgent} ${ROOT_AGENT}`,
    {
      kind: SpanKind.INTERNAL,
      startTime: rootStart,
      attributes: attrs({
        [GEN_AI.operation]: OPERATION.invokeAgent,
        [GEN_AI.agentName]: ROOT_AGENT,
        [GEN_AI.conversationId]: answer.id,
        [NOF1.runId]: answer.id,
        [NOF1.traceId]: answer.traceId,
        [NOF1.status]: answer.status,
        [NOF1.barrier]: answer.diagnosis?.barrier ?? 'unknown',
        [NOF1.verdict]: answer.compliance.verdict,
        [NOF1.reviewReason]: answer.review?.reason,
        [NOF1.resumed]: seconds === undefined,
      }),
    },
    ROOT_CONTEXT,
  );
  const rootCtx = trace.setSpan(ROOT_CONTEXT, root);
  for (const [i, step] of steps.entries()) recordStep(w, rootCtx, step, starts[i]!);
  root.end(rootEnd);
}

function recordStep(w: Writer, parent: Context, step: StepRecord, start: number) {
  const agent = step.agent ? w.clean(step.agent) : undefined;
  const span = w.tracer.startSpan(
    agent ? `${OPERATION.invokeAgent} ${agent}` : step.node,
    {
      kind: SpanKind.INTERNAL,
      startTime: start,
      attributes: w.attrs({
        [GEN_AI.operation]: agent ? OPERATION.invokeAgent : undefined,
        [GEN_AI.agentName]: agent,
        [NOF1.node]: step.node,
        [NOF1.engine]: step.engine,
        [NOF1.fallback]: step.fallback,
      }),
    },
    parent,
  );
  const ctx = trace.setSpan(parent, span);
  // Calls start when they began; records written before calls carried a start are laid end to end from
  // the step's start, tools first (the composer retrieves before it selects).
  let cursor = start;
  for (const call of step.toolCalls) cursor = toolSpan(w, ctx, call, cursor);
  for (const call of step.modelCalls) cursor = chatSpan(w, ctx, call, cursor);
  span.end(start + step.durationMs);
}

const began = (call: { startedAt?: string }, cursor: number) =>
  call.startedAt === undefined ? cursor : Date.parse(call.startedAt);

function toolSpan(w: Writer, parent: Context, call: ToolCallRecord, cursor: number) {
  const start = began(call, cursor);
  const span = w.tracer.startSpan(
    `${OPERATION.executeTool} ${call.name}`,
    {
      kind: SpanKind.INTERNAL,
      startTime: start,
      // Arguments carry query text and results carry content: only a count leaves the process.
      attributes: w.attrs({
        [GEN_AI.operation]: OPERATION.executeTool,
        [GEN_AI.toolName]: call.name,
        [GEN_AI.toolType]: 'function',
        [NOF1.resultCount]: Array.isArray(call.result) ? call.result.length : undefined,
      }),
    },
    parent,
  );
  span.end(start + call.ms);
  return start + call.ms;
}

function chatSpan(w: Writer, parent: Context, call: ModelCallRecord, cursor: number) {
  const start = began(call, cursor);
  // A call that failed before answering has no usage; one that answered unusably still spent tokens.
  const answered = call.ok || call.promptTokens + call.completionTokens > 0;
  const span = w.tracer.startSpan(
    `${OPERATION.chat} ${w.clean(call.model)}`,
    {
      kind: SpanKind.CLIENT,
      startTime: start,
      attributes: w.attrs({
        [GEN_AI.operation]: OPERATION.chat,
        [GEN_AI.provider]: 'openai',
        [GEN_AI.requestModel]: call.model,
        [GEN_AI.inputTokens]: answered ? call.promptTokens : undefined,
        [GEN_AI.outputTokens]: answered ? call.completionTokens : undefined,
        [ATTR_ERROR_TYPE]: call.ok ? undefined : (call.error ?? '_OTHER'),
      }),
    },
    parent,
  );
  if (!call.ok) span.setStatus({ code: SpanStatusCode.ERROR, message: w.clean(call.error ?? 'model call failed') });
  span.end(start + call.ms);
  return start + call.ms;
}
