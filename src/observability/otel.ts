import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { Logger } from 'pino';
import { createRedactor } from '../privacy/redact.js';
import type { RunObserver } from './observers.js';
import { recordRunSpans } from './run-spans.js';

export type RunTelemetry = { recordRun: RunObserver; shutdown(): Promise<void> };

/** The OTLP/HTTP (JSON) exporter for a collector's base endpoint (OTEL_EXPORTER_OTLP_ENDPOINT). */
export function createOtlpExporter(endpoint: string): SpanExporter {
  return new OTLPTraceExporter({ url: tracesUrl(endpoint), timeoutMillis: 5000 });
}

/** The OTLP/HTTP traces URL for a base endpoint, as the OTLP exporter spec appends it. */
function tracesUrl(endpoint: string): string {
  return new URL('v1/traces', endpoint.endsWith('/') ? endpoint : `${endpoint}/`).toString();
}

/** Passes batches through, telling the log when the collector refused or could not be reached. */
function logFailures(inner: SpanExporter, logger?: Logger): SpanExporter {
  return {
    export: (spans, done) =>
      inner.export(spans, (result) => {
        if (result.error) logger?.warn({ spans: spans.length, reason: result.error.message }, 'span export failed');
        done(result);
      }),
    shutdown: () => inner.shutdown(),
    forceFlush: () => inner.forceFlush?.() ?? Promise.resolve(),
  };
}

/**
 * GenAI spans for finished runs, sent to an OTLP/HTTP collector. The provider belongs to the service
 * (nothing is registered globally, so tests and embedders can run several side by side); spans are
 * batched off the request path and flushed by shutdown().
 */
export function createRunTelemetry(opts: { exporter: SpanExporter; logger?: Logger }): RunTelemetry {
  const provider = new BasicTracerProvider({
    resource: defaultResource().merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: 'nof1' })),
    spanProcessors: [new BatchSpanProcessor(logFailures(opts.exporter, opts.logger))],
  });
  const tracer = provider.getTracer('nof1');
  // The state is redacted before the graph sees it; this second pass guards strings added later.
  const clean = createRedactor().text;
  return {
    recordRun: (answer, steps, seconds) => recordRunSpans(tracer, { answer, steps, seconds }, clean),
    async shutdown() {
      try {
        await provider.shutdown();
      } catch (err) {
        opts.logger?.warn({ reason: (err as Error).message }, 'span flush on shutdown failed');
      }
    },
  };
}
