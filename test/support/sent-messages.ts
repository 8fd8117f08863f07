import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { TestService } from './service.js';

/**
 * Sent messages straight into message_outcomes (as if composed and recorded by the loop a while ago), with
 * no outcome target, so only their opens can teach the learner anything. Answers their run ids.
 */
export async function seedSends(
  pool: pg.Pool,
  s: { subject: string; channel: string; count: number; program?: string },
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < s.count; i++) {
    const id = `msg_seed_${randomUUID()}`;
    await pool.query(
      `INSERT INTO message_outcomes (run_id, program, subject_id, channel, barrier, techniques, block_ids, sent_at)
       VALUES ($1, $2, $3, $4, 'cost', ARRAY['3.2'], '{}', now() - interval '3 days')`,
      [id, s.program ?? 'lumenzo-adherence', s.subject, s.channel],
    );
    ids.push(id);
  }
  return ids;
}

/** The client reports each message opened (`message_opened`, linked by `data.messageId`), as the contract says. */
export async function reportOpened(
  svc: TestService,
  subject: string,
  messageIds: string[],
  program = 'lumenzo-adherence',
) {
  const at = new Date(Date.now() - 2 * 86_400_000).toISOString();
  const events = messageIds.map((messageId) => ({
    id: `open-${messageId}`,
    subject: { id: subject },
    program,
    type: 'message_opened',
    at,
    data: { messageId },
  }));
  const r = await svc.call('POST', '/v1/events', { key: 'client', body: { events } });
  if (r.status !== 202) throw new Error(`events answered ${r.status}`);
}
