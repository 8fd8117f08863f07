import type { ComposeRequest, Signal } from '../../src/compose/compose-schema.js';
import type { Barrier } from '../../src/content/block-schema.js';

/** The demo library's programme: the generated store also holds ~2,000 of its blocks beside the demo's. */
export const DEMO_PROGRAM = 'lumenzo-adherence';

const AT = '2026-11-20T10:00:00Z';
const past = (days: number) => new Date(Date.parse(AT) - days * 86_400_000).toISOString();
const survey = (answer: string): Signal => ({
  type: 'survey_response',
  data: { question: 'What made it hard to stay on your treatment?', answer },
});
const chat = (text: string): Signal => ({ type: 'chat_message', at: AT, data: { text } });

/** A realistic request per barrier (as the compose integration tests use): free text plus behaviour. */
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

const ALL = { sms: true, email: true, push: true, web: true };
const NONE = { sms: false, email: false, push: false, web: false };

type Shape = {
  label: string;
  signals: Signal[];
  channel: ComposeRequest['channel'];
  consents: Record<string, boolean>;
};

/** Every barrier on SMS, `auto` channel, a lone missed refill (held: low confidence) and no consent (blocked). */
const SHAPES: Shape[] = [
  ...Object.entries(BARRIER_SIGNALS).map(([b, signals]) => ({
    label: b,
    signals,
    channel: 'sms' as const,
    consents: ALL,
  })),
  { label: 'auto-channel', signals: BARRIER_SIGNALS.forgetfulness, channel: 'auto', consents: ALL },
  { label: 'email', signals: BARRIER_SIGNALS.concerns, channel: 'email', consents: ALL },
  {
    label: 'low-confidence',
    signals: [{ type: 'refill_missed', at: AT, data: { daysLate: 3 } }],
    channel: 'sms',
    consents: ALL,
  },
  { label: 'no-consent', signals: BARRIER_SIGNALS.cost, channel: 'sms', consents: NONE },
];

/** Shapes whose runs never stop at the human-review interrupt (for comparisons that call nodes directly). */
export const UNHELD = SHAPES.filter((s) => s.label !== 'low-confidence');

export type MixOptions = { shapes?: Shape[]; subjects?: number; tag?: string };

/**
 * The i-th request of a deterministic mix: shapes in rotation, subjects drawn from a pool of `subjects`
 * pseudonymous ids (default 200), so later runs read a real history (and sometimes meet the frequency cap).
 */
export function mixedRequest(i: number, opts: MixOptions = {}): ComposeRequest {
  const shapes = opts.shapes ?? SHAPES;
  const shape = shapes[i % shapes.length]!;
  const subject = `bench-${opts.tag ?? 's'}-${(i * 7919) % (opts.subjects ?? 200)}`;
  return {
    subject: { id: subject, audience: 'patient', consents: shape.consents },
    program: DEMO_PROGRAM,
    channel: shape.channel,
    signals: shape.signals,
  };
}

export const shapeOf = (i: number, shapes: Shape[] = SHAPES) => shapes[i % shapes.length]!.label;
