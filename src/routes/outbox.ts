import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/require-role.js';
import { ComposeAnswer } from '../domain/compose.js';
import type { OutboxRepo } from '../store/outbox-repo.js';
import { createRouter } from './openapi-hono.js';
import { authProblems } from './problem-schema.js';

const Entry = z
  .object({
    seq: z.number().int(),
    runId: z.string(),
    program: z.string(),
    subjectId: z.string().nullable(),
    anonymousId: z.string().nullable(),
    triggerId: z.string().nullable(),
    eventId: z.string().nullable(),
    answer: ComposeAnswer,
    createdAt: z.string(),
  })
  .openapi('OutboxEntry');

const listRoute = createRoute({
  method: 'get',
  operationId: 'listOutbox',
  path: '/',
  tags: ['delivery'],
  summary: 'Approved messages of triggered runs, oldest first; follow with `after` = the last `seq` (or nextCursor).',
  security: [{ bearer: [] }],
  middleware: [requireRole('client')] as const,
  request: {
    query: z.object({
      program: z.string().min(1).max(120).optional(),
      after: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: {
    200: {
      description: 'Entries after the cursor.',
      content: { 'application/json': { schema: z.object({ entries: z.array(Entry), nextCursor: z.number().int() }) } },
    },
    ...authProblems,
  },
});

export function outboxRoutes(deps: { outbox: OutboxRepo }) {
  return createRouter().openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const entries = await deps.outbox.list({ program: q.program, after: q.after, limit: q.limit });
    return c.json({ entries, nextCursor: entries.at(-1)?.seq ?? q.after }, 200);
  });
}
