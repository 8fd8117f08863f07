import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/require-role.js';
import { type IntakeResult, MAX_EVENTS_PER_BATCH } from '../loop/event-intake.js';
import { createRouter } from './openapi-hono.js';
import { authProblems } from './problem-schema.js';

const Batch = z
  .strictObject({
    events: z
      .array(z.unknown())
      .min(1)
      .max(MAX_EVENTS_PER_BATCH)
      .openapi({ type: 'array', items: { $ref: '#/components/schemas/Event' } }),
  })
  .openapi('EventBatch');

const Accepted = z
  .object({
    accepted: z.number().int(),
    duplicates: z.number().int(),
    rejected: z.array(
      z.object({ index: z.number().int(), errors: z.array(z.object({ path: z.string(), message: z.string() })) }),
    ),
    scheduled: z.number().int().openapi({ description: 'Runs the batch scheduled through triggers.' }),
  })
  .openapi('EventsAccepted');

const postRoute = createRoute({
  method: 'post',
  operationId: 'postEvents',
  path: '/',
  tags: ['events'],
  summary: `Send up to ${MAX_EVENTS_PER_BATCH} events; each is validated on its own, duplicates (same programme and id) are skipped.`,
  security: [{ bearer: [] }],
  middleware: [requireRole('client')] as const,
  request: { body: { required: true, content: { 'application/json': { schema: Batch } } } },
  responses: {
    202: {
      description: 'Accepted, duplicates and rejected events.',
      content: { 'application/json': { schema: Accepted } },
    },
    ...authProblems,
  },
});

export function eventRoutes(deps: { ingest(events: unknown[]): Promise<IntakeResult> }) {
  return createRouter().openapi(postRoute, async (c) => {
    const { nextRunAt: _, ...result } = await deps.ingest(c.req.valid('json').events);
    c.get('logger').info(
      {
        accepted: result.accepted,
        duplicates: result.duplicates,
        rejected: result.rejected.length,
        scheduled: result.scheduled,
      },
      'events received',
    );
    return c.json(result, 202);
  });
}
