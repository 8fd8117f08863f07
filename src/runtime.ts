import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { createHashEmbedder, createRemoteEmbedder } from './content/embedder.js';
import { readBlockFile } from './content/read-block-file.js';
import { validateBlocks } from './content/validate-blocks.js';
import type { Embedder } from './domain/ports.js';
import { TriggerSet } from './domain/trigger.js';
import type { Env } from './env.js';
import { createContentRepo } from './store/content-repo.js';
import { createDeliveriesRepo } from './store/deliveries-repo.js';
import { createErasureRepo } from './store/erasure-repo.js';
import { createEventsRepo } from './store/events-repo.js';
import { createIdempotencyRepo } from './store/idempotency-repo.js';
import { createJobsRepo } from './store/jobs-repo.js';
import { createLearnerRepo } from './store/learner-repo.js';
import { MIGRATIONS } from './store/migration-list.js';
import { openStore } from './store/open-store.js';
import { createOutboxRepo } from './store/outbox-repo.js';
import { createOutcomeInsights } from './store/outcome-insights.js';
import { createOutcomesRepo } from './store/outcomes-repo.js';
import type { PgSettings } from './store/pglite-template.js';
import { createProgramSummary } from './store/program-summary.js';
import { createReviewsRepo } from './store/reviews-repo.js';
import { createRunContextRepo } from './store/run-context-repo.js';
import { createRunListing } from './store/run-listing.js';
import { createRunsRepo } from './store/runs-repo.js';
import { createSafetyCasesRepo } from './store/safety-cases-repo.js';
import { createSettingsRepo } from './store/settings-repo.js';
import { createSubjectMessages } from './store/subject-messages.js';
import { createSubjectsRepo } from './store/subjects-repo.js';
import { createTraceRepo } from './store/trace-repo.js';
import { createTriggersRepo } from './store/triggers-repo.js';
import { createWebhookSecretsRepo } from './store/webhook-secrets-repo.js';

export const DEMO_LIBRARY = fileURLToPath(new URL('./content/demo-library.yaml', import.meta.url));
export const DEMO_TRIGGERS = fileURLToPath(new URL('./content/demo-triggers.json', import.meta.url));

export function createEmbedder(env: Env): Embedder {
  return env.NOF1_EMBEDDINGS_BASE_URL
    ? createRemoteEmbedder({
        baseUrl: env.NOF1_EMBEDDINGS_BASE_URL,
        model: env.NOF1_EMBEDDINGS_MODEL,
        apiKey: env.NOF1_EMBEDDINGS_API_KEY,
        timeoutMs: env.NOF1_MODEL_TIMEOUT_MS,
        maxRetries: env.NOF1_MODEL_MAX_RETRIES,
      })
    : createHashEmbedder();
}

// Raised when prepareStore writes something new into a new store: older prepared snapshots stop matching.
const PREPARED_FORMAT = 2;

/** What a new store is prepared from besides the environment: the schema and the demo library's files. */
export type PreparedSources = { migrations: typeof MIGRATIONS; library: string; triggers: string };
const SHIPPED: PreparedSources = { migrations: MIGRATIONS, library: DEMO_LIBRARY, triggers: DEMO_TRIGGERS };

/**
 * Names what prepareStore leaves in a new store: the schema, the demo library and triggers (or none) and its
 * embedder. A store restored from the prepared snapshot of this key skips its start-up statements, so
 * anything those would change must change the key.
 */
export function preparedKey(env: Env, embedder: Embedder, sources: PreparedSources = SHIPPED): string {
  return (
    createHash('sha256')
      // The endpoint too: two servers may answer to one model name with different vectors.
      .update(
        JSON.stringify([
          PREPARED_FORMAT,
          sources.migrations,
          embedder.name,
          env.NOF1_EMBEDDINGS_BASE_URL,
          env.NOF1_DEMO,
        ]),
      )
      .update(env.NOF1_DEMO ? readFileSync(sources.library) : '')
      .update(env.NOF1_DEMO ? readFileSync(sources.triggers) : '')
      .digest('hex')
      .slice(0, 16)
  );
}

/** Opens the store and its repositories once, for the service, the CLI, evals and benchmarks alike. */
export async function openRuntime(env: Env, opts: { storeSettings?: PgSettings; migrated?: boolean } = {}) {
  const embedder = createEmbedder(env);
  const store = await openStore({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.NOF1_DATA_DIR,
    poolMax: env.NOF1_DB_POOL_MAX,
    prepared: preparedKey(env, embedder),
    settings: opts.storeSettings,
    migrated: opts.migrated,
  });
  const { pool } = store;
  const learner = createLearnerRepo(pool, { ttlMs: env.NOF1_LEARNER_CACHE_MS });
  const erasure = createErasureRepo(pool);
  return {
    store,
    content: createContentRepo(pool, embedder),
    runs: createRunsRepo(pool),
    runContext: createRunContextRepo(pool),
    settings: createSettingsRepo(pool),
    idempotency: createIdempotencyRepo(pool),
    traces: createTraceRepo(pool),
    reviews: createReviewsRepo(pool),
    safetyCases: createSafetyCasesRepo(pool),
    listing: createRunListing(pool),
    // An erased subject's outcomes stop counting for the learner at once, not when its cache expires.
    erasure: {
      eraseSubject: async (subjectId: string) => {
        const erased = await erasure.eraseSubject(subjectId);
        learner.forget();
        return erased;
      },
    },
    subjects: createSubjectsRepo(pool),
    subjectMessages: createSubjectMessages(pool),
    events: createEventsRepo(pool),
    triggers: createTriggersRepo(pool),
    jobs: createJobsRepo(pool),
    outbox: createOutboxRepo(pool),
    deliveries: createDeliveriesRepo(pool),
    webhookSecrets: createWebhookSecretsRepo(pool),
    outcomes: createOutcomesRepo(pool),
    summary: createProgramSummary(pool),
    insights: createOutcomeInsights(pool),
    learner,
  };
}
export type Runtime = Awaited<ReturnType<typeof openRuntime>>;

/** Loads the demo content library into an empty store. */
export async function loadDemoLibrary(runtime: Runtime, logger: Logger) {
  if ((await runtime.content.count()) > 0) return;
  const { valid, rejected } = validateBlocks(await readBlockFile(DEMO_LIBRARY));
  const counts = await runtime.content.importBlocks(valid);
  // The demo programmes' default triggers, where a strategist has not set any.
  const triggers = JSON.parse(await readFile(DEMO_TRIGGERS, 'utf8')) as Record<string, unknown[]>;
  for (const [program, list] of Object.entries(triggers)) {
    await runtime.triggers.putIfAbsent(program, TriggerSet.parse({ triggers: list }).triggers);
  }
  logger.info({ ...counts, rejected: rejected.length }, 'demo content library loaded');
}

/**
 * Once per store and start, before any request: work that must not run again in each worker process.
 * `alsoPrepared` (the checkpoint tables) runs only when the store is kept as the prepared snapshot, so
 * stores restored from it have that too.
 */
export async function prepareStore(
  runtime: Runtime,
  env: Env,
  logger: Logger,
  opts: { alsoPrepared?: () => Promise<void> } = {},
) {
  // Restored from the prepared snapshot of this very key: embedded by this embedder, the demo library (or
  // none) as NOF1_DEMO asks, nothing held or interrupted. What follows would find nothing to do.
  if (runtime.store.asPrepared) return;
  const restaled = await runtime.content.reembedStale();
  if (restaled) logger.info({ blocks: restaled }, 're-embedded blocks written by another embedder');
  if (env.NOF1_DEMO) await loadDemoLibrary(runtime, logger);
  await runtime.reviews.requeueInterrupted();
  // A new embedded store, ready and not yet serving: the next new one starts from a copy of it.
  await runtime.store.savePrepared(opts.alsoPrepared);
}
