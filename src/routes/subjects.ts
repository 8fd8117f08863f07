import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/require-role.js';
import { ComposeAnswer } from '../domain/compose.js';
import { NotFound } from '../domain/errors.js';
import { SubjectId, SubjectProfile } from '../domain/subject.js';
import { createRedactor } from '../privacy/redact.js';
import type { ErasureRepo } from '../store/erasure-repo.js';
import type { SubjectMessages } from '../store/subject-messages.js';
import type { SubjectsRepo } from '../store/subjects-repo.js';
import { decodeCursor, pageOf } from './cursor.js';
import { createRouter } from './openapi-hono.js';
import { authProblems, notFoundProblem } from './problem-schema.js';

const params = z.object({ id: SubjectId });
const redactor = createRedactor();

const StoredSubject = z
  .object({
    id: z.string(),
    audience: z.string().nullable(),
    consents: z.record(z.string(), z.boolean()),
    withdrawn: z
      .record(z.string(), z.string())
      .openapi({ description: 'Channels an unsubscribe or STOP withdrew, and when.' }),
    timezone: z.string().optional(),
    locale: z.string().optional(),
    preferences: z.record(z.string(), z.unknown()),
    informedChoiceAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('StoredSubject');

/** The contract: erasure keeps safety cases and says so, whether or not this subject has any. */
const retentionNotice = (kept: number) =>
  `Safety cases are kept whole (${kept} for this subject): a legal duty to keep safety records outranks erasure.`;

const eraseRoute = createRoute({
  method: 'delete',
  operationId: 'eraseSubject',
  path: '/{id}',
  tags: ['privacy'],
  summary: "Erase a subject's personal data and history; the audit skeleton stays.",
  security: [{ bearer: [] }],
  middleware: [requireRole('admin')] as const,
  request: { params: z.object({ id: z.string().min(1).max(200) }) },
  responses: {
    200: {
      description: 'What was erased (repeating the call erases nothing more).',
      content: {
        'application/json': {
          schema: z.object({
            erased: z.boolean(),
            runs: z.number().int(),
            personalRecords: z.number().int(),
            reviewsWithdrawn: z.number().int(),
            profile: z.boolean(),
            events: z.number().int(),
            scheduledRunsCancelled: z.number().int(),
            deliveriesCancelled: z.number().int(),
            safetyCasesKept: z.number().int().openapi({
              description:
                'Safety cases of the subject, kept whole: a legal duty to keep safety records outranks erasure.',
            }),
            notice: z.string().openapi({ description: 'What erasure keeps, and why, in words for the requester.' }),
          }),
        },
      },
    },
    ...authProblems,
  },
});

const putRoute = createRoute({
  method: 'put',
  operationId: 'putSubject',
  path: '/{id}',
  tags: ['subjects'],
  summary: 'Store (replace) a subject’s audience, consents, time zone, locale and preferences; compose reads them.',
  security: [{ bearer: [] }],
  middleware: [requireRole('client')] as const,
  request: { params, body: { required: true, content: { 'application/json': { schema: SubjectProfile } } } },
  responses: {
    200: { description: 'The stored subject.', content: { 'application/json': { schema: StoredSubject } } },
    ...authProblems,
  },
});

const getRoute = createRoute({
  method: 'get',
  operationId: 'getSubject',
  path: '/{id}',
  tags: ['subjects'],
  summary: 'The stored subject, with consents withdrawn by events.',
  security: [{ bearer: [] }],
  middleware: [requireRole('client')] as const,
  request: { params },
  responses: {
    200: { description: 'The subject.', content: { 'application/json': { schema: StoredSubject } } },
    ...authProblems,
    ...notFoundProblem,
  },
});

const messagesRoute = createRoute({
  method: 'get',
  operationId: 'listSubjectMessages',
  path: '/{id}/messages',
  tags: ['subjects'],
  summary: "The subject's runs (composed or triggered), newest first, with each sent message's outcome.",
  security: [{ bearer: [] }],
  middleware: [requireRole('client')] as const,
  request: {
    params,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(200).default(50),
      cursor: z.string().max(200).optional(),
    }),
  },
  responses: {
    200: {
      description: 'One page of messages.',
      content: {
        'application/json': {
          schema: z.object({
            messages: z.array(ComposeAnswer.extend({ outcome: z.string().nullable() })),
            nextCursor: z.string().nullable(),
          }),
        },
      },
    },
    ...authProblems,
  },
});

export type SubjectRouteDeps = {
  erasure: ErasureRepo;
  subjects: SubjectsRepo;
  subjectMessages: SubjectMessages;
  forgetCheckpoints(runIds: string[]): Promise<void>;
  /** Told when a subject newly records an informed choice, so the programme can say, once, that it stops. */
  onInformedChoice?(subjectId: string): Promise<void>;
};

export function subjectRoutes(deps: SubjectRouteDeps) {
  return createRouter()
    .openapi(eraseRoute, async (c) => {
      const { runIds, ...counts } = await deps.erasure.eraseSubject(c.req.valid('param').id);
      await deps.forgetCheckpoints(runIds);
      c.get('logger').info({ ...counts }, 'subject erased');
      return c.json({ erased: true, ...counts, notice: retentionNotice(counts.safetyCasesKept) }, 200);
    })
    .openapi(putRoute, async (c) => {
      const { id } = c.req.valid('param');
      const profile = c.req.valid('json');
      const choice = profile.preferences.informedChoice;
      // The choice may be written in the subject's own words: it is kept redacted, like every free text.
      const stored = await deps.subjects.put(id, {
        ...profile,
        preferences: { ...profile.preferences, ...(choice ? { informedChoice: redactor.text(choice) } : {}) },
      });
      if (stored.newChoice) await deps.onInformedChoice?.(id);
      return c.json(stored.subject, 200);
    })
    .openapi(getRoute, async (c) => {
      const subject = await deps.subjects.get(c.req.valid('param').id);
      if (!subject) throw new NotFound('no stored subject with this id');
      return c.json(subject, 200);
    })
    .openapi(messagesRoute, async (c) => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      const rows = await deps.subjectMessages(id, q.limit + 1, decodeCursor(q.cursor));
      const { page, nextCursor } = pageOf(rows, q.limit, (r) => ({ at: r.createdAt, id: r.answer.id }));
      return c.json({ messages: page.map((r) => ({ ...r.answer, outcome: r.outcome })), nextCursor }, 200);
    });
}
