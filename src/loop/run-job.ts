import type pg from 'pg';
import type { ComposeRunner } from '../compose/compose-runner.js';
import { Audience } from '../domain/block.js';
import type { ComposeAnswer, ComposeRequest, Signal } from '../domain/compose.js';
import type { SettingsSource } from '../domain/ports.js';
import { ANONYMOUS_PREFIX } from '../domain/subject.js';
import { queueDelivery } from '../store/deliveries-repo.js';
import type { EventsRepo } from '../store/events-repo.js';
import { type Job, settleJob } from '../store/jobs-repo.js';
import { appendOutbox } from '../store/outbox-repo.js';
import type { RunsRepo } from '../store/runs-repo.js';
import type { SubjectsRepo } from '../store/subjects-repo.js';
import { inTransaction } from '../store/transaction.js';
import { completeRequest } from './complete-request.js';

/** A job that can never succeed (no subject profile): failed at once, not retried. */
export class PermanentJobError extends Error {}

/** How much of the subject's timeline a triggered run reads as its signals. */
const TIMELINE = { days: 30, limit: 50 };

export type JobDeps = {
  pool: pg.Pool;
  runner: ComposeRunner;
  runs: RunsRepo;
  subjects: SubjectsRepo;
  events: EventsRepo;
  settings: SettingsSource;
};

/** The compose request a job stands for: the stored subject and their recent timeline, or one anonymous signal. */
async function requestFor(deps: JobDeps, job: Job): Promise<ComposeRequest> {
  if (!job.subjectId) {
    const signal = job.payload.signal as Signal | undefined;
    if (!signal) throw new PermanentJobError('the anonymous visitor’s signal is gone');
    const audience = Audience.safeParse(signal.data?.audience);
    // No memory of a visitor: a run-scoped id, web only, the one event as the only signal.
    return {
      subject: {
        id: `${ANONYMOUS_PREFIX}${job.id}`,
        audience: audience.success ? audience.data : 'patient',
        consents: { web: true },
      },
      program: job.program,
      channel: 'web',
      signals: [signal],
    };
  }
  const stored = await deps.subjects.get(job.subjectId);
  if (!stored?.audience) throw new PermanentJobError('the subject has no stored profile: PUT /v1/subjects/{id} first');
  const signals = await deps.events.timeline(job.subjectId, job.program, TIMELINE);
  return completeRequest(
    {
      subject: { id: job.subjectId },
      program: job.program,
      channel: job.channel as ComposeRequest['channel'],
      signals,
    },
    stored,
  );
}

/** Puts an approved message in the outbox, and queues its webhook post when the programme has one. */
export async function deliverAnswer(
  client: pg.PoolClient,
  job: Job,
  answer: ComposeAnswer,
  webhookUrl: string | null | undefined,
) {
  if (answer.status !== 'approved') return;
  const seq = await appendOutbox(client, {
    runId: answer.id,
    program: job.program,
    subjectId: job.subjectId,
    anonymousId: typeof job.payload.anonymousId === 'string' ? job.payload.anonymousId : null,
    triggerId: job.triggerId,
    eventId: job.eventId,
    answer,
  });
  if (seq !== undefined && webhookUrl) await queueDelivery(client, seq, job.program);
}

/**
 * Runs one claimed job through the normal compose runner, with the run id the job was given: if an earlier
 * attempt stored the run before its process died, the run is not made again, only delivered.
 */
export function createJobRunner(deps: JobDeps) {
  return async function runJob(job: Job, worker: string): Promise<ComposeAnswer['status']> {
    let answer = await deps.runs.getAnswer(job.runId);
    if (!answer) answer = await deps.runner.compose(await requestFor(deps, job), { runId: job.runId });
    const { webhookUrl } = await deps.settings.get(job.program);
    const held = answer.status === 'needs_review';
    await inTransaction(deps.pool, async (client) => {
      if (!(await settleJob(client, { id: job.id, worker }, held ? 'held' : 'done'))) return;
      await deliverAnswer(client, job, answer, webhookUrl);
    });
    return answer.status;
  };
}
export type JobRunner = ReturnType<typeof createJobRunner>;
