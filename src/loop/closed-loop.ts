import type pg from 'pg';
import type { Logger } from 'pino';
import { outsideQuietHours } from '../compliance/quiet-hours.js';
import type { ComposeRunner } from '../compose/compose-runner.js';
import type { Env } from '../env.js';
import type { DeliveriesRepo } from '../store/deliveries-repo.js';
import type { EventsRepo } from '../store/events-repo.js';
import type { JobsRepo } from '../store/jobs-repo.js';
import { scheduleJobs } from '../store/jobs-repo.js';
import type { OutcomesRepo } from '../store/outcomes-repo.js';
import type { RunsRepo } from '../store/runs-repo.js';
import type { SettingsRepo } from '../store/settings-repo.js';
import type { SubjectsRepo } from '../store/subjects-repo.js';
import { inTransaction } from '../store/transaction.js';
import type { TriggersRepo } from '../store/triggers-repo.js';
import type { WebhookSecretsRepo } from '../store/webhook-secrets-repo.js';
import { ingestEvents, runIdFor } from './event-intake.js';
import { createLoopWorker, type WorkerOptions } from './loop-worker.js';
import { createJobRunner } from './run-job.js';
import { createWebhookSender } from './webhook-sender.js';

export type ClosedLoopDeps = {
  pool: pg.Pool;
  runner: ComposeRunner;
  runs: RunsRepo;
  subjects: SubjectsRepo;
  events: EventsRepo;
  triggers: TriggersRepo;
  jobs: JobsRepo;
  deliveries: DeliveriesRepo;
  webhookSecrets: WebhookSecretsRepo;
  outcomes: OutcomesRepo;
  settings: SettingsRepo;
  logger: Logger;
  env: Pick<
    Env,
    | 'NOF1_JOBS_INTERVAL_MS'
    | 'NOF1_WEBHOOK_ALLOW_LOCALHOST'
    | 'NOF1_WEBHOOK_MAX_ATTEMPTS'
    | 'NOF1_WEBHOOK_BACKOFF_MS'
    | 'NOF1_WEBHOOK_TIMEOUT_MS'
  >;
  worker?: Partial<WorkerOptions>;
};

/** The trigger id of the one run that tells a subject, after an informed choice, that the programme stops. */
const INFORMED_CHOICE_TRIGGER = 'informed-choice';

/** The closed loop wired over one store: event intake, the background worker, webhooks and policy. */
export function createClosedLoop(deps: ClosedLoopDeps) {
  const policy = { allowLocal: deps.env.NOF1_WEBHOOK_ALLOW_LOCALHOST };
  const webhooks = createWebhookSender({
    deliveries: deps.deliveries,
    settings: deps.settings,
    secrets: deps.webhookSecrets,
    logger: deps.logger,
    options: {
      policy,
      maxAttempts: deps.env.NOF1_WEBHOOK_MAX_ATTEMPTS,
      baseDelayMs: deps.env.NOF1_WEBHOOK_BACKOFF_MS,
      maxDelayMs: 3_600_000,
      timeoutMs: deps.env.NOF1_WEBHOOK_TIMEOUT_MS,
      leaseMs: deps.env.NOF1_WEBHOOK_TIMEOUT_MS * 3,
    },
  });
  const runJob = createJobRunner(deps);
  const worker = createLoopWorker({
    ...deps,
    runJob,
    webhooks,
    options: { intervalMs: deps.env.NOF1_JOBS_INTERVAL_MS, ...deps.worker },
  });

  async function ingest(events: unknown[]) {
    const result = await ingestEvents(deps, events);
    if (result.nextRunAt) worker.nudge(result.nextRunAt);
    return result;
  }

  /** Schedules, once per programme that wrote to the subject lately, the run that acknowledges their choice. */
  async function onInformedChoice(subjectId: string) {
    const subject = await deps.subjects.get(subjectId);
    const programs = await deps.outcomes.recentPrograms(subjectId, 90);
    if (!programs.length) return;
    const runAt = outsideQuietHours(new Date(), subject?.timezone, subject?.preferences.quietHours);
    await inTransaction(deps.pool, (client) =>
      scheduleJobs(
        client,
        programs.map((program) => {
          const key = [program, INFORMED_CHOICE_TRIGGER, subjectId].join('\u001f');
          return {
            key,
            runId: runIdFor(key),
            program,
            subjectId,
            triggerId: INFORMED_CHOICE_TRIGGER,
            eventId: null,
            channel: 'auto',
            payload: {},
            runAt,
          };
        }),
      ),
    );
    worker.nudge(runAt);
  }

  return { ingest, onInformedChoice, worker, webhooks, webhookPolicy: policy };
}
