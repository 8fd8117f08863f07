import { z } from 'zod';
import { Channel } from './block.js';
import { EventType } from './event.js';

const Scalar = z.union([z.string().max(200), z.number(), z.boolean()]);
type Scalar = z.infer<typeof Scalar>;

/** A field of an event a condition reads: its type, time, programme, or a path into its data. */
const FieldPath = z
  .string()
  .regex(/^(type|at|program|data(\.[A-Za-z0-9_]{1,60}){1,5})$/, 'type, at, program or data.<field>');

const Operators = z
  .strictObject({
    eq: Scalar,
    neq: Scalar,
    gt: Scalar,
    gte: Scalar,
    lt: Scalar,
    lte: Scalar,
    in: z.array(Scalar).min(1).max(100),
    exists: z.boolean(),
  })
  .partial()
  .refine((o) => Object.keys(o).length > 0, 'name at least one of eq, neq, gt, gte, lt, lte, in, exists');
/** A bare value means equality; an object names operators, all of which must hold. */
const Condition = z.union([Scalar, Operators]);
type Condition = z.infer<typeof Condition>;

/** ISO 8601 duration (PnYnMnWnDTnHnMnS), optionally negative to run before a time named by `from`. */
const Duration = z
  .string()
  .regex(
    /^-?P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/,
    'an ISO 8601 duration such as PT2H or P1D',
  );

export const Trigger = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, 'letters, digits, . _ - only'),
    on: EventType,
    where: z
      .record(FieldPath, Condition)
      .default({})
      .refine((w) => Object.keys(w).length <= 20, 'at most 20 conditions'),
    /** The event's time the delay counts from: `at` (default) or a date-time in its data, e.g. data.visitAt. */
    from: FieldPath.optional(),
    delay: Duration.default('PT0S'),
    channel: z.union([Channel, z.literal('auto')]).default('auto'),
  })
  .refine((t) => !t.delay.startsWith('-') || t.from, {
    path: ['delay'],
    message: 'a negative delay needs `from` (a future time in the event, such as data.visitAt)',
  })
  .meta({ id: 'Trigger' });
export type Trigger = z.infer<typeof Trigger>;

export const TriggerSet = z
  .strictObject({ triggers: z.array(Trigger).max(50) })
  .refine((s) => new Set(s.triggers.map((t) => t.id)).size === s.triggers.length, {
    path: ['triggers'],
    message: 'trigger ids must be unique within a programme',
  })
  .meta({ id: 'TriggerSet' });
export type TriggerSet = z.infer<typeof TriggerSet>;

type MatchableEvent = { type: string; at: string; program: string; data: Record<string, unknown> };

/** Reads a field path of an event; own properties only, so no path reaches a prototype. */
export function fieldOf(event: MatchableEvent, path: string): unknown {
  if (path === 'type' || path === 'at' || path === 'program') return event[path];
  let value: unknown = event.data;
  for (const key of path.split('.').slice(1)) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, key)) {
      return undefined;
    }
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Orders two values of one kind: numbers numerically, two ISO instants in time, other strings by code unit. */
function order(a: unknown, b: Scalar): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a !== 'string' || typeof b !== 'string') return undefined;
  if (ISO_INSTANT.test(a) && ISO_INSTANT.test(b)) return Date.parse(a) - Date.parse(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

function holds(value: unknown, condition: Condition): boolean {
  if (typeof condition !== 'object') return value === condition;
  const o = condition;
  const cmp = (b: Scalar, test: (n: number) => boolean) => {
    const n = order(value, b);
    return n !== undefined && test(n);
  };
  if (o.exists !== undefined && (value !== undefined && value !== null) !== o.exists) return false;
  if (o.eq !== undefined && value !== o.eq) return false;
  if (o.neq !== undefined && value === o.neq) return false;
  if (o.in !== undefined && !o.in.some((v) => v === value)) return false;
  if (o.gt !== undefined && !cmp(o.gt, (n) => n > 0)) return false;
  if (o.gte !== undefined && !cmp(o.gte, (n) => n >= 0)) return false;
  if (o.lt !== undefined && !cmp(o.lt, (n) => n < 0)) return false;
  if (o.lte !== undefined && !cmp(o.lte, (n) => n <= 0)) return false;
  return true;
}

/** Whether a trigger fires for an event: its type, then every condition (no code is ever evaluated). */
export function triggerMatches(trigger: Trigger, event: MatchableEvent): boolean {
  if (trigger.on !== event.type) return false;
  return Object.entries(trigger.where).every(([path, condition]) => holds(fieldOf(event, path), condition));
}
