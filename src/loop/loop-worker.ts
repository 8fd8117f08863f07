import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { SettingsSource } from '../domain/ports.js';
import type { JobsRepo } from '../store/jobs-repo.js';
import type { OutcomesRepo } from '../store/outcomes-repo.js';
import type { RunsRepo } from '../store/runs-repo.js';
import { inTransaction } from '../store/transaction.js';
import { backoffMs } from './backoff.js';
import { deliverAnswer, type JobRunner, PermanentJobError } from './run-job.js';
import type { WebhookSender } from './webhook-sender.js';

export type WorkerOptions = {
  /** The longest an idle worker sleeps before looking again (other processes may have scheduled work). */
  intervalMs: number;
  batch: number;
  /** A claimed job not finished within this is taken to have died with its process, and is claimed again. */
  leaseMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  /** How often outcomes are opened for newly sent messages and closed for ended windows. */
  outcomesEveryMs: number;
};

const DEFAULT_WORKER_OPTIONS: WorkerOptions = {
  intervalMs: 1000,
  batch: 10,
  leaseMs: 120_000,
  maxAttempts: 5,
  retryBaseMs: 30_000,
  outcomesEveryMs: 10_000,
};

/**
 * The closed loop's background work in the service process, off the request path: due triggered runs
 * (claimed with SKIP LOCKED, so several processes can share the table), held runs a reviewer decided,
 * webhook posts, and outcome attribution. An idle worker sleeps until the next job is due, at most
 * `intervalMs`; `nudge` wakes it sooner for a job scheduled in this process.
 */
export function createLoopWorker(deps: {
  pool: pg.Pool;
  jobs: JobsRepo;
  outcomes: OutcomesRepo;
  runs: Pick<RunsRepo, 'getAnswer'>;
  settings: SettingsSource;
  runJob: JobRunner;
  webhooks: WebhookSender;
  logger: Logger;
  options?: Partial<WorkerOptions>;
}) {
  const o = { ...DEFAULT_WORKER_OPTIONS, ...deps.options };
  const worker = `wrk_${randomUUID().slice(0, 8)}`;
  let timer: NodeJS.Timeout | undefined;
  let wakeAt = Number.POSITIVE_INFINITY;
  let running: Promise<void> | undefined;
  let stopped = true;
  let lastOutcomes = 0;

  async function runDueJobs(): Promise<number> {
    const claimed = await deps.jobs.claimDue(worker, o.batch, o.leaseMs);
    for (const [i, job] of claimed.entries()) {
      if (stopped) {
        // Stopping: what was claimed but not started goes back at once, not after its lease.
        await deps.jobs.unclaim(
          claimed.slice(i).map((j) => j.id),
          worker,
        );
        break;
      }
      try {
        await deps.runJob(job, worker);
      } catch (err) {
        const permanent = err instanceof PermanentJobError;
        const retryAt =
          permanent || job.attempts >= o.maxAttempts
            ? null
            : new Date(Date.now() + backoffMs(job.attempts, o.retryBaseMs, 3_600_000));
        const reason = permanent ? (err as Error).message : `${(err as Error).name}: the run failed`;
        deps.logger.warn(
          { jobId: job.id, trigger: job.triggerId, attempt: job.attempts, final: !retryAt },
          'triggered run failed',
        );
        await deps.jobs.release({ id: job.id, worker }, retryAt, reason);
      }
    }
    return claimed.length;
  }

  /** Runs a reviewer has decided: approved ones go to the outbox (and webhook) like any other. */
  async function deliverDecidedHolds() {
    for (const job of await deps.jobs.decidedHolds(o.batch)) {
      const answer = job.runStatus === 'approved' ? await deps.runs.getAnswer(job.runId) : undefined;
      const { webhookUrl } = await deps.settings.get(job.program);
      await inTransaction(deps.pool, async (client) => {
        if (!(await deps.jobs.closeHold(client, job.id))) return;
        if (answer) await deliverAnswer(client, job, answer, webhookUrl);
      });
    }
  }

  async function tick() {
    let busy = (await runDueJobs()) === o.batch;
    await deliverDecidedHolds();
    busy = (await deps.webhooks.deliverDue()) > 0 || busy;
    if (Date.now() - lastOutcomes >= o.outcomesEveryMs) {
      // The first pass after a start looks back a week: messages sent while no worker ran still get outcomes.
      const lookback = lastOutcomes === 0 ? 7 * 86_400_000 : Math.max(3_600_000, o.outcomesEveryMs * 10);
      lastOutcomes = Date.now();
      await deps.outcomes.openSent(lookback);
      await deps.outcomes.closeWindows();
    }
    if (busy) return 0;
    const next = await deps.jobs.nextDueAt();
    return next ? Math.min(o.intervalMs, Math.max(0, next.getTime() - Date.now())) : o.intervalMs;
  }

  function schedule(delayMs: number) {
    if (stopped) return;
    clearTimeout(timer);
    wakeAt = Date.now() + delayMs;
    timer = setTimeout(() => {
      wakeAt = Number.POSITIVE_INFINITY;
      running = tick()
        .then(
          (next) => schedule(next),
          (err: Error) => {
            deps.logger.error({ err: { name: err.name, message: err.message } }, 'loop worker tick failed');
            schedule(o.intervalMs);
          },
        )
        .finally(() => {
          running = undefined;
        });
    }, delayMs);
  }

  return {
    id: worker,
    start() {
      stopped = false;
      // The first pass waits one interval: it is the first use of the jobs and outcomes tables in a new
      // store (hundreds of ms of catalog loading), and run at once it stood in the store's one queue ahead
      // of a new service's first requests, /healthz among them. A job scheduled meanwhile still nudges it.
      schedule(o.intervalMs);
    },
    /** A job was scheduled in this process for `at`: wake then if that is sooner than planned. */
    nudge(at: Date) {
      const delay = Math.max(0, at.getTime() - Date.now());
      if (!stopped && !running && Date.now() + delay < wakeAt) schedule(delay);
    },
    /** One pass now (tests, benchmarks): due jobs, decided holds, webhooks and outcomes. */
    async runOnce() {
      lastOutcomes = 0;
      const wasStopped = stopped;
      stopped = false;
      try {
        await tick();
      } finally {
        stopped = wasStopped;
      }
    },
    /** Stops claiming; the job in hand finishes (or its lease lets another process take it over). */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
