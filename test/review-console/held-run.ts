import { KEYS } from '../support/service.js';

let n = 0;

/**
 * A run the service holds for review: a missed refill on its own says nothing about why, so the
 * diagnosis is too uncertain to send and the run waits (low_confidence → needs_review).
 */
export async function composeHeldRun(baseUrl: string): Promise<{ id: string; traceId: string; reviewId: string }> {
  const res = await fetch(`${baseUrl}/v1/compose`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEYS.client}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      subject: {
        id: `console-subject-${process.pid}-${++n}`,
        audience: 'patient',
        consents: { sms: true, email: true, push: false, web: true },
      },
      program: 'lumenzo-adherence',
      channel: 'sms',
      signals: [{ type: 'refill_missed', at: new Date().toISOString(), data: { daysLate: 9 } }],
    }),
  });
  const answer = (await res.json()) as { id: string; status: string; traceId: string; review?: { id: string } };
  if (answer.status !== 'needs_review' || !answer.review) {
    throw new Error(`expected a held run, got ${res.status} ${JSON.stringify(answer).slice(0, 300)}`);
  }
  return { id: answer.id, traceId: answer.traceId, reviewId: answer.review.id };
}
