import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from './openapi-hono.js';

const healthRoute = createRoute({
  method: 'get',
  operationId: 'health',
  path: '/healthz',
  tags: ['health'],
  summary: 'Ready once the store answers.',
  responses: {
    200: { description: 'Ready.', content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } } },
    503: { description: 'The store does not answer.' },
  },
});

export function healthRoutes(deps: { ping: () => Promise<void> }) {
  return createRouter().openapi(healthRoute, async (c) => {
    await deps.ping();
    return c.json({ status: 'ok' as const }, 200);
  });
}
