import { describe, expect, it } from 'vitest';
import { startChildService } from '../support/child-service.js';
import { REQUESTS, subjectId } from '../support/compose-requests.js';
import { loadedPackages, traceModules } from '../support/module-trace/loaded-packages.js';
import { tempDir } from '../support/temp-dir.js';

/** Packages only a configured model or an OTLP endpoint needs: loading them costs start-up time for nothing. */
const ONLY_WHEN_CONFIGURED = [
  '@langchain/openai',
  'openai',
  '@opentelemetry/sdk-trace-base',
  '@opentelemetry/exporter-trace-otlp-http',
  '@opentelemetry/resources',
];

describe('the default offline start', () => {
  it('serves a compose without loading the model client or the OpenTelemetry SDK', async () => {
    const dir = await tempDir();
    const svc = await startChildService({ NOF1_DATA_DIR: 'memory', NOF1_DEMO: '1', ...traceModules(dir) });
    try {
      const res = await svc.call('POST', '/v1/compose', { key: 'client', body: REQUESTS.cost(subjectId('offline')) });
      expect(res.status).toBe(200);
      // The whole graph ran, offline: the diagnosis, the selection and the compliance review.
      expect(((await res.json()) as { status: string }).status).toBe('approved');
    } finally {
      svc.child.kill('SIGTERM');
      await svc.exited;
    }
    const loaded = await loadedPackages(dir);
    // The trace sees what the service does load: otherwise an empty list would pass for any start.
    expect(loaded.has('@langchain/langgraph')).toBe(true);
    expect(loaded.has('@hono/node-server')).toBe(true);
    expect(ONLY_WHEN_CONFIGURED.filter((name) => loaded.has(name))).toEqual([]);
  });
});
