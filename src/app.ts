import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import type { Logger } from 'pino';
import type { KeyRing } from './auth/keys.js';
import type { RateLimits } from './auth/rate-limits.js';
import { authenticate, type Gate, limitAddress, requireRole } from './auth/require-role.js';
import type { ComposeRunner } from './compose/compose-runner.js';
import type { IdempotentCompose } from './compose/idempotent-compose.js';
import { TooLarge } from './domain/errors.js';
import { notFound, onError } from './errors.js';
import type { IntakeResult } from './loop/event-intake.js';
import type { Metrics } from './observability/metrics.js';
import { metricsHandler } from './observability/metrics-handler.js';
import { requestLog } from './request-log.js';
import { reviewConsoleRoutes } from './review-console/routes.js';
import { blankQueryAsAbsent } from './routes/blank-query.js';
import { composeRoutes } from './routes/compose.js';
import { contentRoutes } from './routes/content.js';
import { deliveryRoutes } from './routes/deliveries.js';
import { docsPage } from './routes/docs-page.js';
import { DOCS_CSS_HASH } from './routes/docs-style.js';
import { type EvalRouteDeps, evalRoutes } from './routes/evals.js';
import { eventRoutes } from './routes/events.js';
import { graphRoutes } from './routes/graph.js';
import { healthRoutes } from './routes/health.js';
import { homeRoutes } from './routes/home-page.js';
import { inputGuard } from './routes/input-guard.js';
import { type InsightsRouteDeps, insightsRoutes } from './routes/insights.js';
import { meRoutes } from './routes/me.js';
import { messageRoutes } from './routes/messages.js';
import { finishDocument } from './routes/openapi-document.js';
import { createRouter } from './routes/openapi-hono.js';
import { outboxRoutes } from './routes/outbox.js';
import { type ProgramRouteDeps, programRoutes } from './routes/programs.js';
import { reviewRoutes } from './routes/reviews.js';
import { safetyCaseRoutes } from './routes/safety-cases.js';
import { securityHeaders, staticPageCsp } from './routes/security-headers.js';
import { type SubjectRouteDeps, subjectRoutes } from './routes/subjects.js';
import { traceRoutes } from './routes/traces.js';
import { triggerRoutes } from './routes/triggers.js';
import type { ContentRepo } from './store/content-repo.js';
import type { DeliveriesRepo } from './store/deliveries-repo.js';
import type { ErasureRepo } from './store/erasure-repo.js';
import type { EventsRepo } from './store/events-repo.js';
import type { OutboxRepo } from './store/outbox-repo.js';
import type { OutcomesRepo } from './store/outcomes-repo.js';
import type { ReviewsRepo } from './store/reviews-repo.js';
import type { RunListing } from './store/run-listing.js';
import type { RunsRepo } from './store/runs-repo.js';
import type { SafetyCasesRepo } from './store/safety-cases-repo.js';
import type { SettingsRepo } from './store/settings-repo.js';
import type { TraceRepo } from './store/trace-repo.js';
import type { TriggersRepo } from './store/triggers-repo.js';

export type AppDeps = {
  logger: Logger;
  keys: KeyRing;
  limits: RateLimits;
  /** Read the client address from X-Forwarded-For (behind a reverse proxy). */
  trustProxy: boolean;
  maxBodyBytes: number;
  ping: () => Promise<void>;
  content: ContentRepo;
  runs: RunsRepo;
  idempotent: IdempotentCompose;
  runner: ComposeRunner;
  reviews: ReviewsRepo;
  safetyCases: SafetyCasesRepo;
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
  ProgramRouteDeps &
  InsightsRouteDeps;

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
  const gate: Gate = { keys: deps.keys, limits: deps.limits, trustProxy: deps.trustProxy };
  // Callers without a key are counted per address; /v1 and /metrics count them in authenticate.
  app.use(async (c, next) => {
    if (!/^\/(v1\/|metrics$)/.test(c.req.path)) await limitAddress(gate, c);
    await next();
  });

  app.route('/', homeRoutes());
  app.route('/', healthRoutes(deps));
  // Metrics describe the whole service, so they take a key (a metrics role); NOF1_METRICS_PORT serves
  // them without one on a listener of their own (src/service.ts).
  app.use('/metrics', authenticate(gate), requireRole('metrics'));
  app.get('/metrics', metricsHandler(deps.metrics));
  // The console is public HTML and script; it holds no data and calls /v1 with the reviewer's own key.
  app.route('/review', reviewConsoleRoutes());
  app.use('/v1/*', authenticate(gate));
  app.use('/v1/*', blankQueryAsAbsent());
  app.use('/v1/*', inputGuard());
  app.route('/v1/me', meRoutes());
  app.route('/v1/content', contentRoutes(deps));
  app.route('/v1/compose', composeRoutes(deps));
  app.route('/v1/messages', messageRoutes(deps));
  app.route('/v1/reviews', reviewRoutes(deps));
  app.route('/v1/traces', traceRoutes(deps));
  app.route('/v1/safety/cases', safetyCaseRoutes(deps));
  app.route('/v1/subjects', subjectRoutes(deps));
  app.route('/v1/programs', programRoutes(deps));
  app.route('/v1/programs', triggerRoutes(deps));
  app.route('/v1/programs', insightsRoutes(deps));
  app.route('/v1/events', eventRoutes(deps));
  app.route('/v1/outbox', outboxRoutes(deps));
  app.route('/v1/deliveries', deliveryRoutes(deps));
  app.route('/v1/evals', evalRoutes(deps));
  app.route('/v1/graph', graphRoutes(deps));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  const document = () => finishDocument(app.getOpenAPI31Document({ openapi: '3.1.0', info: API_INFO }));
  app.get('/openapi.json', (c) => c.json(document()));
  app.use('/docs', securityHeaders(staticPageCsp(DOCS_CSS_HASH)));
  app.get('/docs', (c) => c.html(docsPage(document())));
  return app;
}
