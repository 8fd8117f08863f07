import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import type { Logger } from 'pino';
import type { KeyRing } from './auth/keys.js';
import { authenticate } from './auth/require-role.js';
import type { ComposeRunner } from './compose/compose-runner.js';
import { TooLarge } from './domain/errors.js';
import { notFound, onError } from './errors.js';
import type { IntakeResult } from './loop/event-intake.js';
import type { Metrics } from './observability/metrics.js';
import { requestLog } from './request-log.js';
import { reviewConsoleRoutes } from './review-console/routes.js';
import { composeRoutes } from './routes/compose.js';
import { contentRoutes } from './routes/content.js';
import { deliveryRoutes } from './routes/deliveries.js';
import { docsPage } from './routes/docs-page.js';
import { type EvalRouteDeps, evalRoutes } from './routes/evals.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { messageRoutes } from './routes/messages.js';
import { createRouter } from './routes/openapi-hono.js';
import { outboxRoutes } from './routes/outbox.js';
import { type ProgramRouteDeps, programRoutes } from './routes/programs.js';
import { reviewRoutes } from './routes/reviews.js';
import { type SubjectRouteDeps, subjectRoutes } from './routes/subjects.js';
import { traceRoutes } from './routes/traces.js';
import { triggerRoutes } from './routes/triggers.js';
import type { ContentRepo } from './store/content-repo.js';
import type { DeliveriesRepo } from './store/deliveries-repo.js';
import type { ErasureRepo } from './store/erasure-repo.js';
import type { EventsRepo } from './store/events-repo.js';
import type { IdempotencyRepo } from './store/idempotency-repo.js';
import type { OutboxRepo } from './store/outbox-repo.js';
import type { OutcomesRepo } from './store/outcomes-repo.js';
import type { ReviewsRepo } from './store/reviews-repo.js';
import type { RunListing } from './store/run-listing.js';
import type { RunsRepo } from './store/runs-repo.js';
import type { SettingsRepo } from './store/settings-repo.js';
import type { TraceRepo } from './store/trace-repo.js';
import type { TriggersRepo } from './store/triggers-repo.js';

export type AppDeps = {
  logger: Logger;
  keys: KeyRing;
  maxBodyBytes: number;
  ping: () => Promise<void>;
  content: ContentRepo;
  runs: RunsRepo;
  idempotency: IdempotencyRepo;
  runner: ComposeRunner;
  reviews: ReviewsRepo;
  traces: TraceRepo;
  listing: RunListing;
  erasure: ErasureRepo;
  settings: SettingsRepo;
  metrics: Metrics;
  forgetCheckpoints(runIds: string[]): Promise<void>;
  events: EventsRepo;
  triggers: TriggersRepo;
  outbox: OutboxRepo;
  outcomes: OutcomesRepo;
  deliveries: DeliveriesRepo;
  /** Stores a batch of events and schedules what their triggers ask for. */
  ingest(events: unknown[]): Promise<IntakeResult>;
} & EvalRouteDeps &
  SubjectRouteDeps &
  ProgramRouteDeps;

const API_INFO = { title: 'nof1', version: '1.0.0' };

export function createApp(deps: AppDeps) {
  const app = createRouter();
  app.use(requestId({ headerName: 'x-request-id' }));
  app.use(requestLog(deps.logger, deps.metrics));
  app.use(
    bodyLimit({
      maxSize: deps.maxBodyBytes,
      onError: () => {
        throw new TooLarge(deps.maxBodyBytes);
      },
    }),
  );
  app.onError(onError);
  app.notFound(notFound);

  app.route('/', healthRoutes(deps));
  app.get('/metrics', async (c) =>
    c.body(await deps.metrics.registry.metrics(), 200, { 'content-type': deps.metrics.registry.contentType }),
  );
  // The console is public HTML and script; it holds no data and calls /v1 with the reviewer's own key.
  app.route('/review', reviewConsoleRoutes());
  app.use('/v1/*', authenticate(deps.keys));
  app.route('/v1/content', contentRoutes(deps));
  app.route('/v1/compose', composeRoutes(deps));
  app.route('/v1/messages', messageRoutes(deps));
  app.route('/v1/reviews', reviewRoutes(deps));
  app.route('/v1/traces', traceRoutes(deps));
  app.route('/v1/subjects', subjectRoutes(deps));
  app.route('/v1/programs', programRoutes(deps));
  app.route('/v1/programs', triggerRoutes(deps));
  app.route('/v1/events', eventRoutes(deps));
  app.route('/v1/outbox', outboxRoutes(deps));
  app.route('/v1/deliveries', deliveryRoutes(deps));
  app.route('/v1/evals', evalRoutes(deps));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.doc31('/openapi.json', { openapi: '3.1.0', info: API_INFO });
  app.get('/docs', (c) => c.html(docsPage(app.getOpenAPI31Document({ openapi: '3.1.0', info: API_INFO }))));
  return app;
}
