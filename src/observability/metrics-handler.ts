import type { Handler } from 'hono';
import type { Metrics } from './metrics.js';

/** The Prometheus text exposition of the service's registry. */
export const metricsHandler =
  (metrics: Metrics): Handler =>
  async (c) =>
    c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType });
