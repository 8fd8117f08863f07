import type { ComposeRequest, Signal } from '../../src/domain/compose.js';
import { AT, BARRIER_SIGNALS } from '../../test/support/barrier-signals.js';

/** The demo library's programme: the generated store also holds ~2,000 of its blocks beside the demo's. */
const DEMO_PROGRAM = 'lumenzo-adherence';

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
