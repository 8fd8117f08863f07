import { describe, expect, it } from 'vitest';
import { freeTexts } from '../../../agents/safety/free-texts.js';

describe('freeTexts: what triage reads', () => {
  it('reads survey answers and chat messages', () => {
    const texts = freeTexts([
      { type: 'survey_response', data: { question: 'How is it going?', answer: 'my hands swelled up' } },
      { type: 'chat_message', data: { text: 'the pen arrived warm' } },
    ]);
    expect(texts).toEqual([
      { index: 0, type: 'survey_response', text: 'my hands swelled up' },
      { index: 1, type: 'chat_message', text: 'the pen arrived warm' },
    ]);
  });

  it('reads text under any field a client named, nested or repeated, on any signal type', () => {
    const texts = freeTexts([
      { type: 'chat_message', data: { body: 'words in a body field' } },
      { type: 'survey_response', data: { answer: { text: 'a nested answer' } } },
      { type: 'survey_response', data: { answers: ['first of a list', 'second of a list'] } },
      { type: 'crm_note', data: { details: { summary: 'a note from a call' } } },
    ]);
    expect(texts.map((t) => [t.index, t.text])).toEqual([
      [0, 'words in a body field'],
      [1, 'a nested answer'],
      [2, 'first of a list'],
      [2, 'second of a list'],
      [3, 'a note from a call'],
    ]);
  });

  it('reads text a client put beside the data, but never the type or time', () => {
    const texts = freeTexts([{ type: 'chat_message', at: '2026-11-20T10:00:00Z', text: 'one level too high' }]);
    expect(texts).toEqual([{ index: 0, type: 'chat_message', text: 'one level too high' }]);
  });

  it('leaves out the programme’s questions, structured values and numbers', () => {
    const texts = freeTexts([
      { type: 'survey_response', data: { question: 'Have you thought about hurting yourself?', answer: 'no' } },
      { type: 'page_view', data: { topic: 'side_effects', url: 'https://example.com/side-effects' } },
      { type: 'coverage_event', data: { status: 'denied' } },
      { type: 'refill_missed', data: { daysLate: 9, at: '2026-11-20' } },
      { type: 'message_opened', data: { messageId: 'msg_1', channel: 'email' } },
    ]);
    expect(texts).toEqual([{ index: 0, type: 'survey_response', text: 'no' }]);
  });
});
