import { PERSONAL_CHAT, PERSONAL_FIELDS } from '../support/personal-seed.js';

/**
 * A cost request (signals 0 and 1 are what COST_DIAGNOSIS cites) whose subject carries personal fields
 * and whose survey answer and chat repeat them.
 */
export function personalRequest(id: string, consents: Record<string, boolean> = { sms: true }) {
  return {
    subject: { id, audience: 'patient', consents, ...PERSONAL_FIELDS },
    program: 'lumenzo-adherence',
    channel: 'sms',
    signals: [
      { type: 'refill_missed', at: '2026-11-20T10:00:00Z', data: { daysLate: 9 } },
      { type: 'survey_response', data: { question: 'What got in the way?', answer: PERSONAL_CHAT } },
      { type: 'chat_message', at: '2026-11-21T09:00:00Z', data: { text: PERSONAL_CHAT } },
    ],
  };
}
