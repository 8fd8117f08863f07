import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type pg from 'pg';
import type { Logger } from 'pino';
import { createEvalStore } from '../evals/eval-store.js';
import { createEvalLauncher } from '../evals/runner/eval-launcher.js';
import { createEvalService } from '../evals/service/eval-service.js';
import { createApp } from './app.js';
import { createKeyRing, generateAdminKey, parseKeys } from './auth/keys.js';
import { createComposeStack } from './compose/compose-stack.js';
import { loadModelEngines } from './compose/load-model-engines.js';
import { cacheContentReads } from './content/content-read-cache.js';
import type { Env } from './env.js';
import { createMetrics } from './observability/metrics.js';
import { combineObservers } from './observability/observers.js';
import { openRuntime, prepareStore } from './runtime.js';
import { type ContentPeers, watchContent } from './store/content-changes.js';

export type RunningService = {
  url: string;
  port: number;
  adminKey?: string;
  /** The store's pool (with embedded PGlite the only way in while the service runs): for tests and tools. */
  pool: pg.Pool;
  close(): Promise<void>;
};

export type ServiceOptions = {
  /** Another process (the primary of `nof1 serve --workers N`) has already run prepareStore on this store. */
  prepared?: boolean;
  /** Another process has already created the checkpoint tables (their setup must not run twice at once). */
  checkpointsReady?: boolean;
  /** Processes serving the same store: told when this one imports content, telling it when another does. */
  peers?: ContentPeers;
};

/** Starts the HTTP service; close() stops accepting, finishes in-flight requests, then closes the store. */
export async function startService(env: Env, logger: Logger, opts: ServiceOptions = {}): Promise<RunningService> {
  const adminKey = env.NOF1_API_KEYS ? undefined : generateAdminKey();
  const keys = createKeyRing(parseKeys(env.NOF1_API_KEYS ?? `admin:${adminKey}`));
  const runtime = await openRuntime(env);
  const library = watchContent(runtime.content, opts.peers);
  runtime.content = library.content;
  const composerReads = cacheContentReads(runtime.content);
  library.onChange(composerReads.clear);
  const metrics = createMetrics();
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  // The OpenTelemetry SDK is loaded only when spans are exported.
  const otel = endpoint ? await import('./observability/otel.js') : undefined;
  const telemetry =
    endpoint && otel ? otel.createRunTelemetry({ exporter: otel.createOtlpExporter(endpoint), logger }) : undefined;
  let compose: Awaited<ReturnType<typeof createComposeStack>>;
  try {
    if (!opts.prepared) {
      await prepareStore(runtime, env, logger);
      // Only this process uses an embedded store, so a run still marked running there was cut off by a stop.
      if (runtime.store.kind === 'embedded') await createEvalStore(runtime.store.pool).failInterrupted();
    }
    compose = await createComposeStack({
      pool: runtime.store.pool,
      ...runtime,
      composerContent: composerReads,
      models: await loadModelEngines(env),
      reviewBelow: env.NOF1_REVIEW_BELOW,
      setupCheckpoints: !opts.checkpointsReady,
      observe: combineObservers(logger, metrics.recordRun, telemetry?.recordRun),
    });
  } catch (err) {
    await telemetry?.shutdown();
    await runtime.store.close();
    throw err;
  }
  const evalStore = createEvalStore(runtime.store.pool);
  const launcher = createEvalLauncher({ store: evalStore, env, logger, memoryMb: env.NOF1_EVAL_MEMORY_MB });
  const app = createApp({
    ...runtime,
    evals: createEvalService({ store: evalStore, launcher }),
    logger,
    keys,
    maxBodyBytes: env.NOF1_MAX_BODY_BYTES,
    ping: async () => void (await runtime.store.pool.query('SELECT 1')),
    runner: compose.runner,
    forgetCheckpoints: compose.forgetCheckpoints,
    metrics,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ port, host: env.HOST, store: runtime.store.kind }, 'nof1 listening');
  let closing: Promise<void> | undefined;
  return {
    url: `http://${env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${port}`,
    port,
    adminKey,
    pool: runtime.store.pool,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ('closeIdleConnections' in server) server.closeIdleConnections();
        });
        // Background eval runs stop taking cases and store what they have while the store is still open.
        await launcher.close();
        // Every run has been observed once the server has drained: flush its spans before the store goes.
        await telemetry?.shutdown();
        await runtime.store.close();
        logger.info('nof1 stopped');
      })();
      return closing;
    },
  };
}
