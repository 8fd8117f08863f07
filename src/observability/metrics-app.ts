import { Hono } from 'hono';
import type { Metrics } from './metrics.js';
import { metricsHandler } from './metrics-handler.js';

/** The app of the separate metrics listener (NOF1_METRICS_PORT): /metrics without a key, nothing else. */
export function metricsApp(metrics: Metrics) {
  const app = new Hono();
  app.get('/metrics', metricsHandler(metrics));
  return app;
}
