import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/require-role.js';
import type { ErasureRepo } from '../store/erasure-repo.js';
import { createRouter } from './openapi-hono.js';
import { authProblems } from './problem-schema.js';

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
          }),
        },
      },
    },
    ...authProblems,
  },
});

export function subjectRoutes(deps: { erasure: ErasureRepo; forgetCheckpoints(runIds: string[]): Promise<void> }) {
  return createRouter().openapi(eraseRoute, async (c) => {
    const { runIds, ...counts } = await deps.erasure.eraseSubject(c.req.valid('param').id);
    await deps.forgetCheckpoints(runIds);
    c.get('logger').info({ ...counts }, 'subject erased');
    return c.json({ erased: true, ...counts }, 200);
  });
}
