import { SpanStatusCode } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import type { ComposeAnswer } from '../../src/domain/compose.js';
import type { StepRecord } from '../../src/domain/step.js';
import { combineObservers } from '../../src/observability/observers.js';
import { createRunTelemetry } from '../../src/observability/otel.js';
import { recordRunSpans } from '../../src/observability/run-spans.js';
import { createRedactor } from '../../src/privacy/redact.js';

const T0 = Date.parse('2026-11-20T10:00:00.000Z');
const answer = {
  id: 'msg_1',
  traceId: 'trc_1',
  status: 'approved',
  diagnosis: { barrier: 'cost', confidence: 0.9, evidence: [], alternatives: [] },
  strategy: null,
  message: null,
  compliance: { verdict: 'pass', checks: [] },
} satisfies ComposeAnswer;

const step = (over: Partial<StepRecord>): StepRecord => ({
  node: 'assemble_message',
  agent: 'composer',
  startedAt: new Date(T0).toISOString(),
  durationMs: 40,
  input: { secret: 'never exported' },
  output: {},
  engine: 'model',
  toolCalls: [],
  modelCalls: [],
  ...over,
});

function spansOf(steps: StepRecord[], seconds?: number) {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  recordRunSpans(provider.getTracer('test'), { answer, steps, seconds }, createRedactor().text);
  const spans = exporter.getFinishedSpans();
  const ms = (t: [number, number]) => t[0] * 1000 + t[1] / 1e6;
  return spans.map((s) => ({ span: s, start: ms(s.startTime) - T0, end: ms(s.endTime) - T0 }));
}

describe('recordRunSpans', () => {
  it('starts each tool and model call when it began', () => {
    const at = (ms: number) => new Date(T0 + ms).toISOString();
    const spans = spansOf([
      step({
        toolCalls: [{ name: 'search_content', args: {}, result: [], ms: 4, startedAt: at(2) }],
        modelCalls: [{ model: 'm', promptTokens: 1, completionTokens: 1, ms: 9, ok: true, startedAt: at(11) }],
      }),
    ]);
    const byName = Object.fromEntries(spans.map((s) => [s.span.name, s]));
    expect(byName['execute_tool search_content']).toMatchObject({ start: 2, end: 6 });
    expect(byName['chat m']).toMatchObject({ start: 11, end: 20 });
  });

  it('lays calls recorded without a start end to end from the step start, tools first', () => {
    const spans = spansOf([
      step({
        toolCalls: [{ name: 'search_content', args: { query: 'cost' }, result: [{ id: 'b1' }], ms: 5 }],
        modelCalls: [
          { model: 'm', promptTokens: 10, completionTokens: 2, ms: 20, ok: false, error: 'invalid output: no call' },
        ],
      }),
    ]);
    const byName = Object.fromEntries(spans.map((s) => [s.span.name, s]));
    expect(byName['execute_tool search_content']).toMatchObject({ start: 0, end: 5 });
    const chat = byName['chat m']!;
    expect(chat).toMatchObject({ start: 5, end: 25 });
    // It answered (tokens were spent) but unusably: usage is kept, the span is an error.
    expect(chat.span.attributes).toMatchObject({
      'gen_ai.usage.input_tokens': 10,
      'error.type': 'invalid output: no call',
    });
    expect(chat.span.status.code).toBe(SpanStatusCode.ERROR);
    expect(JSON.stringify(spans.map((s) => s.span.attributes))).not.toContain('never exported');
  });

  it('passes every string attribute through the redactor', () => {
    const spans = spansOf([step({ fallback: 'model failed (callback 415-555-0134 refused); offline engine used' })]);
    const composer = spans.find((s) => s.span.name === 'invoke_agent composer')!;
    expect(composer.span.attributes['nof1.fallback']).toBe(
      'model failed (callback [PHONE] refused); offline engine used',
    );
  });

  it('spans a resumed run (no end-to-end time) over its steps only', () => {
    const spans = spansOf([
      step({ node: 'human_review', agent: 'reviewer', durationMs: 3 }),
      step({ node: 'finalize', agent: null, startedAt: new Date(T0 + 3).toISOString(), durationMs: 2 }),
    ]);
    const root = spans.find((s) => !s.span.parentSpanContext)!;
    expect(root).toMatchObject({ start: 0, end: 5 });
    expect(root.span.attributes['nof1.resumed']).toBe(true);
    expect(spans.map((s) => s.span.name).sort()).toEqual([
      'finalize',
      'invoke_agent nof1-compose',
      'invoke_agent reviewer',
    ]);
  });
});

describe('combineObservers', () => {
  it('calls every observer even when one throws, and logs only the error class', () => {
    const warned: unknown[] = [];
    const seen: string[] = [];
    const logger = { warn: (o: unknown) => warned.push(o) } as never;
    const observe = combineObservers(
      logger,
      () => {
        throw new TypeError('boom with Marisol');
      },
      undefined,
      (a) => seen.push(a.id),
    );
    observe(answer, []);
    expect(seen).toEqual(['msg_1']);
    expect(warned).toEqual([{ reason: 'TypeError' }]);
  });
});

describe('createRunTelemetry', () => {
  const steps = [step({})];

  it('batches spans off the request path and flushes them, as service nof1, on shutdown', async () => {
    const got: ReadableSpan[] = [];
    // ExportResultCode: 0 success, 1 failed (@opentelemetry/core, not a direct dependency).
    const exporter = {
      export: (spans: ReadableSpan[], done: (r: never) => void) => {
        got.push(...spans);
        done({ code: 0 } as never);
      },
      shutdown: async () => {},
    };
    const telemetry = createRunTelemetry({ exporter });
    telemetry.recordRun(answer, steps, 0.05);
    expect(got).toEqual([]);
    await telemetry.shutdown();
    expect(got.map((s) => s.name).sort()).toEqual(['invoke_agent composer', 'invoke_agent nof1-compose']);
    expect(got[0]!.resource.attributes['service.name']).toBe('nof1');
  });

  it('logs a collector failure and still shuts down', async () => {
    const warned: string[] = [];
    const logger = { warn: (_: unknown, msg: string) => warned.push(msg) } as never;
    const down = {
      export: (_: unknown, done: (r: never) => void) => done({ code: 1, error: new Error('refused') } as never),
      shutdown: async () => {},
    };
    const telemetry = createRunTelemetry({ exporter: down, logger });
    telemetry.recordRun(answer, steps, 0.05);
    await expect(telemetry.shutdown()).resolves.toBeUndefined();
    expect(warned).toContain('span export failed');
  });
});
