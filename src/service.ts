import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type pg from 'pg';
import type { Logger } from 'pino';
import { createEvalStore } from '../evals/eval-store.js';
import { createEvalLauncher } from '../evals/runner/eval-launcher.js';
import { createEvalService } from '../evals/service/eval-service.js';
import { createApp } from './app.js';
import { parseKeys, shortKeyWarnings } from './auth/keys.js';
import { createRateLimits } from './auth/rate-limits.js';
import { loadServiceKeys, type ServiceKeys } from './auth/service-keys.js';
import { compiledEvalChild } from './cli/compiled-eval-child.js';
import { setupCheckpointTables } from './compose/batched-postgres-saver.js';
import { createComposeStack } from './compose/compose-stack.js';
import { createIdempotentCompose } from './compose/idempotent-compose.js';
import { loadModelEngines } from './compose/load-model-engines.js';
import { cacheContentReads } from './content/content-read-cache.js';
import type { DiagnosisEngine } from './domain/engines.js';
import type { Env } from './env.js';
import { createClosedLoop } from './loop/closed-loop.js';
import { createMetrics } from './observability/metrics.js';
import { metricsApp } from './observability/metrics-app.js';
import { combineObservers } from './observability/observers.js';
import { openRuntime, prepareStore } from './runtime.js';
import { type ContentPeers, watchContent } from './store/content-changes.js';
import { announceService, listenUrl } from './store/service-file.js';

export type RunningService = {
  url: string;
  port: number;
  /** The admin key this start generated (NOF1_API_KEYS unset, first start on a data folder): shown once. */
  adminKey?: string;
  /** When the data folder's generated admin key in use was made, when it was not made by this start. */
  adminKeySince?: string;
  /** The separate /metrics listener, when NOF1_METRICS_PORT is set. */
  metricsUrl?: string;
  /** The store's pool (with embedded PGlite the only way in while the service runs): for tests and tools. */
  pool: pg.Pool;
  /** The closed loop's worker: tests and benchmarks may run a pass at once. */
  worker: { runOnce(): Promise<void> };
  close(): Promise<void>;
};

export type ServiceOptions = {
  /** Another process (the primary of `nof1 serve --workers N`) has already run prepareStore on this store. */
  prepared?: boolean;
  /** Another process has already created the checkpoint tables (their setup must not run twice at once). */
  checkpointsReady?: boolean;
  /** Processes serving the same store: told when this one imports content, telling it when another does. */
  peers?: ContentPeers;
  /** The offline diagnosis engine, made while the store was being opened (a worker of several). */
  offlineDiagnosis?: DiagnosisEngine;
};

type Server = ReturnType<typeof serve>;

const listen = (fetch: (req: Request) => Response | Promise<Response>, port: number, hostname: string) =>
  new Promise<Server>((resolve) => {
    const s = serve({ fetch, port, hostname }, () => resolve(s));
  });

/** Stops accepting and resolves once in-flight requests have finished. */
const stopListening = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });

/** Starts the HTTP service; close() stops accepting, finishes in-flight requests, then closes the store. */
export async function startService(env: Env, logger: Logger, opts: ServiceOptions = {}): Promise<RunningService> {
  // A bad NOF1_API_KEYS stops start-up before the store is opened; a short key is only warned about.
  if (env.NOF1_API_KEYS) {
    parseKeys(env.NOF1_API_KEYS);
    for (const warning of shortKeyWarnings(env.NOF1_API_KEYS)) logger.warn(warning);
  }
  // A primary that prepared the store has migrated it too.
  const runtime = await openRuntime(env, { migrated: opts.prepared });
  const library = watchContent(runtime.content, opts.peers);
  runtime.content = library.content;
  const composerReads = cacheContentReads(runtime.content);
  library.onChange(composerReads.clear);
  const metrics = createMetrics();
  metrics.watchSafetyCases(runtime.safetyCases.gauges);
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  // The OpenTelemetry SDK is loaded only when spans are exported.
  const otel = endpoint ? await import('./observability/otel.js') : undefined;
  const telemetry =
    endpoint && otel ? otel.createRunTelemetry({ exporter: otel.createOtlpExporter(endpoint), logger }) : undefined;
  let compose: Awaited<ReturnType<typeof createComposeStack>>;
  let keys: ServiceKeys;
  try {
    // After the store is open: a freshly initialised data folder is never snapshotted with the key file.
    keys = await loadServiceKeys(env);
    if (!opts.prepared) {
      await prepareStore(runtime, env, logger, { alsoPrepared: () => setupCheckpointTables(runtime.store.pool) });
      // Only this process uses an embedded store, so a run still marked running there was cut off by a stop
      // (one restored from the prepared snapshot has run nothing).
      if (runtime.store.kind === 'embedded' && !runtime.store.asPrepared) {
        await createEvalStore(runtime.store.pool).failInterrupted();
      }
    }
    compose = await createComposeStack({
      pool: runtime.store.pool,
      ...runtime,
      composerContent: composerReads,
      engagement: true,
      learnerCacheMs: env.NOF1_LEARNER_CACHE_MS,
      models: await loadModelEngines(env),
      reviewBelow: env.NOF1_REVIEW_BELOW,
      modelTimeMs: env.NOF1_MODEL_TIMEOUT_MS,
      setupCheckpoints: !opts.checkpointsReady,
      offlineDiagnosis: opts.offlineDiagnosis,
      observe: combineObservers(logger, metrics.recordRun, telemetry?.recordRun),
    });
  } catch (err) {
    await telemetry?.shutdown();
    await runtime.store.close();
    throw err;
  }
  const loop = createClosedLoop({ ...runtime, pool: runtime.store.pool, runner: compose.runner, logger, env });
  const evalStore = createEvalStore(runtime.store.pool);
  const launcher = createEvalLauncher({
    store: evalStore,
    env,
    logger,
    memoryMb: env.NOF1_EVAL_MEMORY_MB,
    compiledChild: compiledEvalChild(),
  });
  const app = createApp({
    ...runtime,
    evals: createEvalService({ store: evalStore, launcher }),
    logger,
    keys: keys.keys,
    limits: createRateLimits({
      perKeyPerMinute: env.NOF1_RATE_LIMIT_PER_KEY,
      perAddressPerMinute: env.NOF1_RATE_LIMIT_PER_ADDRESS,
      authFailuresPerMinute: env.NOF1_AUTH_FAILURES_PER_ADDRESS,
      authBlockSeconds: env.NOF1_AUTH_BLOCK_SECONDS,
    }),
    trustProxy: env.NOF1_TRUST_PROXY,
    maxBodyBytes: env.NOF1_MAX_BODY_BYTES,
    ping: async () => void (await runtime.store.pool.query('SELECT 1')),
    runner: compose.runner,
    idempotent: createIdempotentCompose({
      idempotency: runtime.idempotency,
      runs: runtime.runs,
      leaseMs: env.NOF1_IDEMPOTENCY_LEASE_MS,
      waitMs: env.NOF1_IDEMPOTENCY_WAIT_MS,
    }),
    forgetCheckpoints: compose.forgetCheckpoints,
    metrics,
    ingest: loop.ingest,
    onInformedChoice: loop.onInformedChoice,
    webhookPolicy: loop.webhookPolicy,
  });
  const server = await listen(app.fetch, env.PORT, env.HOST);
  const port = (server.address() as AddressInfo).port;
  const metricsServer =
    env.NOF1_METRICS_PORT === undefined
      ? undefined
      : await listen(metricsApp(metrics).fetch, env.NOF1_METRICS_PORT, env.NOF1_METRICS_HOST);
  const url = listenUrl(env.HOST, port);
  // The folder is this process's now: the CLI finds the service here instead of failing on the lock.
  const withdraw = await announceService(runtime.store, env.NOF1_DATA_DIR, url);
  // Serving now: the copy the next new folder starts from is made off the path to a healthy service.
  const spare = opts.prepared ? undefined : runtime.store.readySpare();
  if (env.NOF1_JOBS) loop.worker.start();
  logger.info({ port, host: env.HOST, store: runtime.store.kind, jobs: env.NOF1_JOBS }, 'nof1 listening');
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    adminKey: keys.newAdminKey,
    adminKeySince: keys.storedSince,
    metricsUrl: metricsServer && listenUrl(env.NOF1_METRICS_HOST, (metricsServer.address() as AddressInfo).port),
    pool: runtime.store.pool,
    worker: loop.worker,
    close() {
      closing ??= (async () => {
        await Promise.all([stopListening(server), metricsServer && stopListening(metricsServer)]);
        // The loop worker stops claiming; a run in hand finishes (or its lease hands it to another process).
        await loop.worker.stop();
        // Background eval runs stop taking cases and store what they have while the store is still open.
        await launcher.close();
        await withdraw();
        await spare;
        // Every run has been observed once the server has drained: flush its spans before the store goes.
        await telemetry?.shutdown();
        await runtime.store.close();
        logger.info('nof1 stopped');
      })();
      return closing;
    },
  };
}
