import { createHash } from 'node:crypto';
import type pg from 'pg';
import { zodErrors } from '../content/validate-blocks.js';
import { CHANNELS } from '../domain/block.js';
import type { FieldError } from '../domain/errors.js';
import { Event, withdrawnChannels } from '../domain/event.js';
import { type Trigger, triggerMatches } from '../domain/trigger.js';
import { createRedactor } from '../privacy/redact.js';
import { type EventRow, insertEvents, type StoredEvent } from '../store/events-repo.js';
import { type NewJob, scheduleJobs } from '../store/jobs-repo.js';
import { attributeEvents } from '../store/outcomes-repo.js';
import { outcomeTargets } from '../store/settings-repo.js';
import { subjectsById, withdrawConsents } from '../store/subjects-repo.js';
import { inTransaction } from '../store/transaction.js';
import type { TriggersRepo } from '../store/triggers-repo.js';
import { runTimeFor } from './run-time.js';

export const MAX_EVENTS_PER_BATCH = 1000;

export type IntakeResult = {
  accepted: number;
  duplicates: number;
  rejected: Array<{ index: number; errors: FieldError[] }>;
  scheduled: number;
  /** The earliest run the batch scheduled, so an idle worker can wake for it. */
  nextRunAt: Date | null;
};

const SEP = '\u001f';
/** A triggered run's id is derived from its job key: a run retried after a crash can never be made twice. */
export const runIdFor = (key: string) => `msg_${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;

const redactor = createRedactor();

/** What is kept of an event: identified ones with their free text redacted; anonymous ones without data. */
function toRow(e: Event): EventRow {
  const anonymous = !('id' in e.subject);
  const { optOut: _clientSaid, ...data } = e.data;
  const optOut = withdrawnChannels(e, CHANNELS).length > 0;
  const messageId = typeof e.data.messageId === 'string' ? e.data.messageId.slice(0, 100) : null;
  return {
    program: e.program,
    clientId: e.id,
    subjectId: anonymous ? null : (e.subject as { id: string }).id,
    type: e.type,
    at: new Date(e.at).toISOString(),
    data: anonymous ? {} : { ...redactor.value(data), ...(optOut ? { optOut: true } : {}) },
    messageId,
  };
}

function jobsFor(
  stored: StoredEvent[],
  original: Map<string, Event>,
  triggers: Map<string, Trigger[]>,
  subjects: Awaited<ReturnType<typeof subjectsById>>,
  now: Date,
): NewJob[] {
  const jobs: NewJob[] = [];
  for (const e of stored) {
    const event = original.get(`${e.program}${SEP}${e.clientId}`)!;
    const subject = e.subjectId ? subjects.get(e.subjectId) : undefined;
    const anonymousId = 'anonymousId' in event.subject ? event.subject.anonymousId : null;
    for (const t of triggers.get(e.program) ?? []) {
      if (!triggerMatches(t, { ...event, data: e.subjectId ? e.data : event.data })) continue;
      // A visitor known only anonymously can be shown web content, nothing else.
      if (anonymousId && t.channel !== 'web' && t.channel !== 'auto') continue;
      const runAt = runTimeFor(
        t,
        event,
        { timezone: subject?.timezone, quietHours: subject?.preferences.quietHours },
        now,
      );
      if (!runAt) continue;
      const key = [e.program, t.id, e.clientId].join(SEP);
      jobs.push({
        key,
        runId: runIdFor(key),
        program: e.program,
        subjectId: e.subjectId,
        triggerId: t.id,
        eventId: e.clientId,
        channel: anonymousId ? 'web' : t.channel,
        // Kept only until the run is made: the one signal a visitor without memory is composed from.
        payload: anonymousId
          ? { anonymousId, signal: { type: e.type, at: e.at, data: redactor.value(event.data) } }
          : {},
        runAt,
      });
    }
  }
  return jobs;
}

/**
 * Validates each event on its own (a bad one never rejects the batch), then in one transaction: stores the
 * new ones (duplicates skipped by the unique index), withdraws consent for opt-outs at once, updates the
 * outcomes they bear on, and schedules the runs their programmes' triggers ask for.
 */
export async function ingestEvents(
  deps: { pool: pg.Pool; triggers: TriggersRepo },
  raw: unknown[],
  now = new Date(),
): Promise<IntakeResult> {
  const rejected: IntakeResult['rejected'] = [];
  const valid: Event[] = [];
  raw.forEach((value, index) => {
    const parsed = Event.safeParse(value);
    if (parsed.success) valid.push(parsed.data);
    else
      rejected.push({
        index,
        errors: zodErrors(parsed.error).map((e) => ({ ...e, message: redactor.text(e.message) })),
      });
  });
  const rows = valid.map(toRow);
  const original = new Map(valid.map((e) => [`${e.program}${SEP}${e.id}`, e]));
  const result = await inTransaction(deps.pool, async (client) => {
    const stored = await insertEvents(client, rows);
    const identified = stored.filter((e) => e.subjectId !== null) as Array<StoredEvent & { subjectId: string }>;
    await withdrawConsents(
      client,
      identified.flatMap((e) =>
        withdrawnChannels(e, CHANNELS).map((channel) => ({ subjectId: e.subjectId, channel, at: e.at })),
      ),
    );
    const programs = [...new Set(stored.map((e) => e.program))];
    // Only what can change an outcome is looked at: reports about a message, targets, opt-outs.
    const targets = await outcomeTargets(client, programs);
    await attributeEvents(client, {
      messageIds: [
        ...new Set(stored.flatMap((e) => (e.messageId && e.type.startsWith('message_') ? [e.messageId] : []))),
      ],
      acts: identified
        .filter((e) => e.data.optOut === true || targets.get(e.program)?.has(e.type))
        .map((e) => ({
          subjectId: e.subjectId,
          program: e.program,
          type: e.type,
          at: e.at,
          optOut: e.data.optOut === true,
        })),
    });
    const triggers = await deps.triggers.forPrograms(client, programs);
    const triggered = identified.filter((e) => triggers.get(e.program)?.some((t) => t.on === e.type));
    const subjects = await subjectsById(client, [...new Set(triggered.map((e) => e.subjectId))]);
    const scheduled = await scheduleJobs(client, jobsFor(stored, original, triggers, subjects, now));
    return { stored: stored.length, scheduled };
  });
  const times = result.scheduled.map((s) => s.runAt.getTime());
  return {
    accepted: result.stored,
    duplicates: rows.length - result.stored,
    rejected,
    scheduled: result.scheduled.length,
    nextRunAt: times.length ? new Date(Math.min(...times)) : null,
  };
}
