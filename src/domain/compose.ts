import { z } from 'zod';
import { Audience, Barrier, Channel } from './block.js';
import { Locale } from './locale.js';
import { Preferences, TimeZone } from './subject.js';

/**
 * Free-form objects (signal data, extra subject fields) are bounded as a whole: how many keys, how long a
 * key, and how much JSON they make, so no field can make a request expensive to scan or store.
 */
function boundedRecord<T extends z.ZodType>(value: T, limits: { keys: number; chars: number }) {
  return z
    .record(z.string().max(100), value)
    .refine((r) => Object.keys(r).length <= limits.keys, { message: `at most ${limits.keys} fields` })
    .refine((r) => JSON.stringify(r).length <= limits.chars, {
      message: `at most ${limits.chars} characters of JSON`,
    });
}

/**
 * Loose, as the contract keeps what it does not understand: a field beside `type`, `at` and `data` (a
 * client's `text` put one level too high) is kept, bounded like the rest, so triage still reads it.
 */
export const Signal = z
  .looseObject({
    type: z.string().min(1).max(60),
    at: z
      .union([z.iso.datetime({ offset: true, local: true }), z.iso.date()], {
        message: 'expected an ISO 8601 date or date-time',
      })
      .optional(),
    data: boundedRecord(z.unknown(), { keys: 50, chars: 16_384 }).optional(),
  })
  .refine((s) => Object.keys(s).length <= 20, { message: 'at most 20 signal fields' })
  .refine((s) => JSON.stringify(s).length <= 20_000, { message: 'at most 20000 characters of JSON' })
  .meta({ id: 'Signal' });
export type Signal = z.infer<typeof Signal>;

const SubjectFields = z.looseObject({
  id: z.string().min(1).max(200),
  audience: Audience,
  consents: boundedRecord(z.boolean(), { keys: 20, chars: 1_000 }).default({}),
  timezone: TimeZone.optional(),
  preferences: Preferences.optional(),
  /** The language the person reads (BCP 47, default en-US; v1.4): not personal data. */
  locale: Locale.optional(),
});

/** No subject can make a request expensive: a bounded number of fields and of JSON characters. */
function boundedSubject<T extends z.ZodType>(schema: T) {
  return schema
    .refine((s) => Object.keys(s as object).length <= 40, { message: 'at most 40 subject fields' })
    .refine((s) => JSON.stringify(s).length <= 8_192, { message: 'at most 8192 characters of JSON' });
}

/** Extra subject fields (a name, a phone) are accepted only so they can be treated as personal data. */
const Subject = boundedSubject(SubjectFields).meta({ id: 'Subject' });

export const ComposeRequest = z
  .strictObject({
    subject: Subject,
    program: z.string().min(1).max(120),
    channel: z.union([Channel, z.literal('auto')]).default('auto'),
    /** Kept as an alias of `subject.locale`, which wins when both are given. */
    locale: Locale.optional(),
    signals: z.array(Signal).max(500).default([]),
  })
  .meta({ id: 'ComposeRequest' });
export type ComposeRequest = z.infer<typeof ComposeRequest>;

/** Where a run came from: a client (`api`), or an eval suite run against the service (`eval`). */
export const RunOrigin = z.enum(['api', 'eval']);
export type RunOrigin = z.infer<typeof RunOrigin>;

/**
 * The compose body as clients send it (v1.2): subject fields the store holds for the subject
 * (`PUT /v1/subjects/{id}`) may be left out; the request's own fields win where both have one.
 */
export const ComposeRequestBody = ComposeRequest.extend({
  subject: boundedSubject(
    SubjectFields.extend({
      audience: Audience.optional(),
      consents: boundedRecord(z.boolean(), { keys: 20, chars: 1_000 }).optional(),
    }),
  ),
}).meta({ id: 'ComposeRequestBody' });
export type ComposeRequestBody = z.infer<typeof ComposeRequestBody>;

export const Status = z.enum(['approved', 'needs_review', 'blocked', 'skipped']);
export type Status = z.infer<typeof Status>;

export const Diagnosis = z
  .object({
    barrier: Barrier,
    confidence: z.number().min(0).max(1),
    evidence: z.array(z.string()),
    alternatives: z.array(z.object({ barrier: Barrier, confidence: z.number().min(0).max(1) })),
  })
  .meta({ id: 'Diagnosis' });
export type Diagnosis = z.infer<typeof Diagnosis>;

const Technique = z.object({ code: z.string(), name: z.string() });
export const Strategy = z.object({ techniques: z.array(Technique), rationale: z.string() }).meta({ id: 'Strategy' });
export type Strategy = z.infer<typeof Strategy>;

export const Message = z
  .object({
    channel: Channel,
    subject: z.string().nullable(),
    body: z.string(),
    blocks: z.array(z.object({ id: z.string(), approvalCode: z.string(), version: z.number().int().optional() })),
  })
  .meta({ id: 'Message' });
export type Message = z.infer<typeof Message>;

export const Check = z.object({ rule: z.string(), passed: z.boolean(), detail: z.string() }).meta({ id: 'Check' });
export type Check = z.infer<typeof Check>;

/** Readability formulas, chosen by the text's locale (src/compliance/locales/<locale>.yaml). */
export const READABILITY_SCALES = ['flesch-kincaid', 'fernandez-huerta'] as const;

export const Readability = z
  .object({
    /**
     * Which formula measured the text: `flesch-kincaid` (English; a US school grade, lower reads easier)
     * or `fernandez-huerta` (Spanish; a 0–100 ease score, higher reads easier).
     */
    scale: z.enum(READABILITY_SCALES),
    /** The text's value on that scale. */
    score: z.number(),
    /** The US school grade on a grade scale (the same as `score`); null on an ease scale, which has no grades. */
    grade: z.number().nullable(),
    /** What lay audiences (patients, caregivers) should read at, on the same scale; null for clinicians. */
    target: z.number().nullable(),
    /** `max` for a grade (at or below the target), `min` for an ease score (at or above it). */
    targetIs: z.enum(['max', 'min']),
    withinTarget: z.boolean().nullable(),
  })
  .meta({ id: 'Readability' });
export type Readability = z.infer<typeof Readability>;

export const ComposeAnswer = z
  .object({
    id: z.string(),
    status: Status,
    diagnosis: Diagnosis.nullable(),
    strategy: Strategy.nullable(),
    message: Message.nullable(),
    compliance: z.object({
      verdict: z.enum(['pass', 'fail']),
      checks: z.array(Check),
      /** Reported beside the rules, never pass/fail: reading grade of the message outside its ISI. */
      readability: Readability.optional(),
    }),
    review: z.object({ id: z.string(), reason: z.string() }).optional(),
    /** The subject's locale the run read and wrote in (canonical BCP 47); absent on runs stored before v1.4. */
    locale: z.string().optional(),
    traceId: z.string(),
    engine: z
      .object({ mode: z.enum(['offline', 'model']), modelCalls: z.number().int(), fallbacks: z.array(z.string()) })
      .optional(),
    createdAt: z.string().optional(),
  })
  .meta({ id: 'ComposeAnswer' });
export type ComposeAnswer = z.infer<typeof ComposeAnswer>;
