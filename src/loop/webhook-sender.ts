import type { Logger } from 'pino';
import type { SettingsSource } from '../domain/ports.js';
import type { DeliveriesRepo } from '../store/deliveries-repo.js';
import type { OutboxEntry } from '../store/outbox-repo.js';
import type { WebhookSecretsRepo } from '../store/webhook-secrets-repo.js';
import { backoffMs } from './backoff.js';
import { postJson } from './post-json.js';
import { SIGNATURE_HEADER, signatureHeader } from './webhook-signature.js';
import { checkWebhookUrl, type UrlPolicy } from './webhook-url.js';

export type WebhookOptions = {
  policy: UrlPolicy;
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
  leaseMs: number;
};

/** What the receiver gets: the outbox entry with its message; `deliveryId` stays the same on every retry. */
function webhookBody(deliveryId: string, entry: OutboxEntry) {
  return JSON.stringify({
    type: 'message.ready',
    deliveryId,
    outboxSeq: entry.seq,
    runId: entry.runId,
    program: entry.program,
    subjectId: entry.subjectId,
    anonymousId: entry.anonymousId,
    triggerId: entry.triggerId,
    eventId: entry.eventId,
    createdAt: entry.createdAt,
    message: entry.answer,
  });
}

/**
 * Posts due outbox entries to their programme's webhook, signed, and records each try: delivered on a 2xx,
 * else tried again with backoff, and dead-lettered after the last try (a person can send it again).
 * The URL is checked again at send time, and the resolved addresses on connect.
 */
export function createWebhookSender(deps: {
  deliveries: DeliveriesRepo;
  settings: SettingsSource;
  secrets: WebhookSecretsRepo;
  logger: Logger;
  options: WebhookOptions;
}) {
  const o = deps.options;
  async function deliverDue(limit = 20): Promise<number> {
    const due = await deps.deliveries.claimDue(limit, o.leaseMs);
    await Promise.all(
      due.map(async (d) => {
        const fail = (status: number | null, error: string, final = false) => {
          const retryAt =
            final || d.attempts >= o.maxAttempts
              ? null
              : new Date(Date.now() + backoffMs(d.attempts, o.baseDelayMs, o.maxDelayMs));
          deps.logger.warn(
            { deliveryId: d.id, program: d.program, attempt: d.attempts, status, dead: !retryAt },
            'webhook post failed',
          );
          return deps.deliveries.failed(d.id, retryAt, status, error);
        };
        const url = (await deps.settings.get(d.program)).webhookUrl;
        if (!url) return fail(null, 'the programme has no webhook URL', true);
        const checked = checkWebhookUrl(url, o.policy);
        if (!checked.ok) return fail(null, `webhook URL refused: ${checked.reason}`, true);
        const body = webhookBody(d.id, d.entry);
        const secrets = await deps.secrets.active(d.program);
        const t = Math.floor(Date.now() / 1000);
        const result = await postJson(
          checked.url,
          body,
          { [SIGNATURE_HEADER]: signatureHeader(secrets, body, t), 'x-nof1-delivery': d.id },
          { policy: o.policy, timeoutMs: o.timeoutMs },
        );
        if (result.status !== null && result.status >= 200 && result.status < 300) {
          return deps.deliveries.delivered(d.id, result.status);
        }
        return fail(result.status, result.error ?? `the receiver answered ${result.status}`);
      }),
    );
    return due.length;
  }
  return { deliverDue };
}
export type WebhookSender = ReturnType<typeof createWebhookSender>;
