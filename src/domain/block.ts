import { z } from 'zod';

export const BARRIERS = [
  'cost',
  'concerns',
  'necessity',
  'trust',
  'health_literacy',
  'forgetfulness',
  'access',
  'social_influence',
  'emotional',
  'none',
] as const;
export const Barrier = z.enum(BARRIERS);
export type Barrier = z.infer<typeof Barrier>;

/** What a barrier means, with its COM-B component, as every engine (and prompt) reads it. */
export type BarrierDefinition = { barrier: Barrier; comB: string; definition: string };

export const CHANNELS = ['sms', 'email', 'push', 'web'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

/** Audiences are programme vocabulary (patient, caregiver, hcp, ...): matched exactly, never guessed. */
export const Audience = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'a lowercase audience such as patient or hcp');
export type Audience = z.infer<typeof Audience>;

const BLOCK_KINDS = ['claim', 'isi', 'support', 'education', 'cta', 'greeting', 'question', 'resource'] as const;
export const BlockKind = z.enum(BLOCK_KINDS);
export type BlockKind = z.infer<typeof BlockKind>;

/** Approval windows are whole days; a full timestamp is accepted and read as its (UTC) day. */
const isoDate = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], { message: 'expected a date as YYYY-MM-DD' })
  .transform((v) => (v.length === 10 ? v : new Date(v).toISOString().slice(0, 10)));

export const Block = z
  .strictObject({
    id: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'letters, digits, . _ : - only'),
    program: z.string().trim().min(1).max(120),
    brand: z.string().trim().min(1).max(120).optional(),
    audience: Audience,
    channels: z.array(Channel).min(1).max(CHANNELS.length),
    kind: BlockKind,
    requiresIsi: z.boolean().default(false),
    tags: z
      .strictObject({
        barriers: z.array(Barrier).max(BARRIERS.length).default([]),
        bcts: z
          .array(z.string().regex(/^\d{1,2}\.\d{1,2}$/, 'a BCT code such as 3.1'))
          .max(100)
          .default([]),
        topics: z.array(z.string().min(1).max(60)).max(50).default([]),
      })
      .default({ barriers: [], bcts: [], topics: [] }),
    text: z.string().trim().min(1).max(4000),
    locale: z
      .string()
      .max(35)
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 locale such as en-US')
      .default('en-US'),
    approval: z.strictObject({
      code: z.string().trim().min(1).max(60),
      approvedAt: isoDate,
      expiresAt: isoDate,
    }),
  })
  .refine((b) => b.approval.approvedAt <= b.approval.expiresAt, {
    path: ['approval', 'expiresAt'],
    message: 'expiresAt is before approvedAt',
  })
  .meta({ id: 'Block' });
export type Block = z.infer<typeof Block>;
export type BlockInput = z.input<typeof Block>;

/** A block as stored: its version, and whether it is usable on the day asked about. */
export type StoredBlock = Block & { version: number; usable: boolean };
/** A stored block as search ranked it (fused reciprocal rank). */
export type ScoredBlock = StoredBlock & { score: number };
/** A usable block as the composer sees it; `score` is its fused search rank when retrieval found it. */
export type ContentBlock = Block & { version: number; score?: number };
