import type { Barrier } from '../../src/domain/block.js';
import type { Signal } from '../../src/domain/compose.js';

export const AT = '2026-11-20T10:00:00Z';
const past = (days: number) => new Date(Date.parse(AT) - days * 86_400_000).toISOString();
const survey = (answer: string): Signal => ({
  type: 'survey_response',
  data: { question: 'What made it hard to stay on your treatment?', answer },
});
const chat = (text: string): Signal => ({ type: 'chat_message', at: AT, data: { text } });

/** A realistic request per barrier: free text as people write it plus the behaviour around it. */
export const BARRIER_SIGNALS: Record<Barrier, Signal[]> = {
  cost: [
    { type: 'refill_missed', at: AT, data: { daysLate: 9 } },
    { type: 'page_view', at: past(2), data: { topic: 'savings' } },
    survey("The copay went up and I just can't afford it this month."),
  ],
  concerns: [
    { type: 'dose_missed', at: AT },
    { type: 'page_view', at: past(1), data: { topic: 'side_effects' } },
    chat("I'm scared of the side effects, I read it can cause serious infections."),
  ],
  necessity: [
    { type: 'refill_missed', at: AT, data: { daysLate: 12 } },
    survey("My skin is clear now so I don't think I need it anymore."),
  ],
  trust: [
    { type: 'refill_missed', at: AT, data: { daysLate: 5 } },
    chat("I don't trust drug companies, they just want my money and hide the real data."),
  ],
  health_literacy: [
    { type: 'dose_missed', at: AT },
    { type: 'page_view', at: past(1), data: { topic: 'how_to_use' } },
    chat("I don't understand how to use the pen, the instructions are confusing."),
  ],
  forgetfulness: [
    { type: 'dose_logged', at: past(19) },
    { type: 'dose_missed', at: past(10) },
    { type: 'dose_missed', at: past(3) },
    survey('I keep forgetting my shot, it just slips my mind.'),
  ],
  access: [
    { type: 'refill_missed', at: AT, data: { daysLate: 6 } },
    { type: 'coverage_event', at: past(4), data: { status: 'prior_auth_pending' } },
    chat('The pharmacy says they are still waiting on the prior authorization from my insurance.'),
  ],
  social_influence: [
    { type: 'refill_missed', at: AT, data: { daysLate: 7 } },
    chat("My family thinks I shouldn't be on this medicine and my husband says injections are bad for me."),
  ],
  emotional: [
    { type: 'dose_missed', at: AT },
    chat("I feel so overwhelmed and down lately, I can't face doing the injections."),
  ],
  none: [
    { type: 'refill_on_time', at: past(1) },
    { type: 'dose_logged', at: AT },
    survey('Everything is going fine, no problems at all.'),
  ],
};

/** A lone missed refill says something got in the way, but not what: too little to act on. */
