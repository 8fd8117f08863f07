import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { ComposeAnswer } from '../domain/compose.js';
import type { StepRecord } from '../domain/step.js';

/**
 * The service's Prometheus metrics, on a registry of its own (no global state). Labels are closed
 * sets (status, barrier, rule, node, route pattern) so no personal value can ever become a label.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'nof1_' });
  // prom-client names three gauges `_total`, a suffix Prometheus keeps for counters (promtool refuses them);
  // the same counts stay available per type in nof1_nodejs_active_{handles,requests,resources}.
  for (const gauge of ['handles', 'requests', 'resources'])
    registry.removeSingleMetric(`nof1_nodejs_active_${gauge}_total`);
  const composeRuns = new Counter({
    name: 'nof1_compose_runs_total',
    help: 'Compose runs by final status and diagnosed barrier.',
    labelNames: ['status', 'barrier'] as const,
    registers: [registry],
  });
  const ruleFailures = new Counter({
    name: 'nof1_compliance_rule_failures_total',
    help: 'Compliance rule failures in final answers, by rule.',
    labelNames: ['rule'] as const,
    registers: [registry],
  });
  const modelCalls = new Counter({
    name: 'nof1_model_calls_total',
    help: 'Model calls by agent node and outcome.',
    labelNames: ['node', 'outcome'] as const,
    registers: [registry],
  });
  const fallbacks = new Counter({
    name: 'nof1_model_fallbacks_total',
    help: 'Steps where the model failed and the offline engine answered.',
    labelNames: ['node'] as const,
    registers: [registry],
  });
  const composeSeconds = new Histogram({
    name: 'nof1_compose_duration_seconds',
    help: 'Compose run latency, end to end.',
    labelNames: ['status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const nodeSeconds = new Histogram({
    name: 'nof1_graph_node_duration_seconds',
    help: 'Graph node latency.',
    labelNames: ['node'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 2],
    registers: [registry],
  });
  const httpSeconds = new Histogram({
    name: 'nof1_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [registry],
  });

  /** `seconds` is absent when a reviewer's decision finishes a held run (its latency was counted). */
  function recordRun(answer: ComposeAnswer, steps: StepRecord[], seconds?: number) {
    composeRuns.inc({ status: answer.status, barrier: answer.diagnosis?.barrier ?? 'unknown' });
    for (const c of answer.compliance.checks) if (!c.passed) ruleFailures.inc({ rule: c.rule });
    if (seconds !== undefined) composeSeconds.observe({ status: answer.status }, seconds);
    for (const s of steps) {
      nodeSeconds.observe({ node: s.node }, s.durationMs / 1000);
      for (const m of s.modelCalls) modelCalls.inc({ node: s.node, outcome: m.ok ? 'ok' : 'error' });
      if (s.fallback) fallbacks.inc({ node: s.node });
    }
  }

  /**
   * Safety cases not yet reported or closed, by kind, and those of them past dueBy: read from the store at
   * each scrape, so every process reports the same shared figures.
   */
  function watchSafetyCases(read: () => Promise<Array<{ kind: string; open: number; overdue: number }>>) {
    const kinds = ['adverse_event', 'product_complaint', 'medical_information'];
    const gauge = (name: string, help: string, field: 'open' | 'overdue') =>
      new Gauge({
        name,
        help,
        labelNames: ['kind'] as const,
        registers: [registry],
        async collect() {
          const rows = await read();
          for (const kind of kinds) this.set({ kind }, rows.find((r) => r.kind === kind)?.[field] ?? 0);
        },
      });
    gauge('nof1_safety_cases_open', 'Safety cases not yet reported or closed, by kind.', 'open');
    gauge(
      'nof1_safety_cases_overdue',
      'Safety cases past their dueBy and not yet reported or closed, by kind.',
      'overdue',
    );
  }

  return { registry, recordRun, httpSeconds, watchSafetyCases };
}
export type Metrics = ReturnType<typeof createMetrics>;
