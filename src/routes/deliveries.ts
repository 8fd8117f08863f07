import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/require-role.js';
import { Conflict, NotFound } from '../domain/errors.js';
import type { DeliveriesRepo } from '../store/deliveries-repo.js';
import { createRouter } from './openapi-hono.js';
import { authProblems, conflictProblem, notFoundProblem } from './problem-schema.js';

const Delivery = z
  .object({
    id: z.string(),
    program: z.string(),
    outboxSeq: z.number().int(),
    runId: z.string(),
    status: z.enum(['pending', 'sending', 'delivered', 'dead', 'cancelled']),
    attempts: z.number().int(),
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .openapi('Delivery');
const secured = { tags: ['delivery'], security: [{ bearer: [] }], middleware: requireRole('reviewer', 'client') };

const deadRoute = createRoute({
  method: 'get',
  operationId: 'listDeadLetters',
  path: '/',
  summary: 'Webhook posts that failed every try (dead letters), newest first.',
  ...secured,
  request: {
    query: z.object({
      status: z.literal('dead').default('dead'),
      program: z.string().min(1).max(120).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: {
    200: {
      description: 'Dead letters.',
      content: { 'application/json': { schema: z.object({ deliveries: z.array(Delivery) }) } },
    },
    ...authProblems,
  },
});

const retryRoute = createRoute({
  method: 'post',
  operationId: 'retryDelivery',
  path: '/{id}/retry',
  summary: 'Send a dead letter again (a fresh round of tries).',
  ...secured,
  request: { params: z.object({ id: z.string().min(1).max(100) }) },
  responses: {
    200: { description: 'The delivery, pending again.', content: { 'application/json': { schema: Delivery } } },
    ...authProblems,
    ...notFoundProblem,
    ...conflictProblem,
  },
});

export function deliveryRoutes(deps: { deliveries: DeliveriesRepo }) {
  return createRouter()
    .openapi(deadRoute, async (c) => {
      const q = c.req.valid('query');
      return c.json({ deliveries: await deps.deliveries.dead(q.limit, q.program) }, 200);
    })
    .openapi(retryRoute, async (c) => {
      const { id } = c.req.valid('param');
      const retried = await deps.deliveries.retry(id);
      if (retried) return c.json(retried, 200);
      const existing = await deps.deliveries.get(id);
      if (!existing) throw new NotFound('no delivery with this id');
      throw new Conflict(`this delivery is ${existing.status}, not dead`);
    });
}
