import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/require-role.js';
import { ComposeAnswer } from '../domain/compose.js';
import { NotFound } from '../domain/errors.js';
import type { RunsRepo } from '../store/runs-repo.js';
import { createRouter } from './openapi-hono.js';
import { authProblems, notFoundProblem } from './problem-schema.js';

const getRoute = createRoute({
  method: 'get',
  operationId: 'getMessage',
  path: '/{id}',
  tags: ['compose'],
  summary: "A run's current answer: a held run reads needs_review until a reviewer decides.",
  security: [{ bearer: [] }],
  middleware: [requireRole('client')] as const,
  request: { params: z.object({ id: z.string().min(1).max(100) }) },
  responses: {
    200: { description: 'The current answer.', content: { 'application/json': { schema: ComposeAnswer } } },
    ...authProblems,
    ...notFoundProblem,
  },
});

export function messageRoutes(deps: { runs: RunsRepo }) {
  return createRouter().openapi(getRoute, async (c) => {
    const answer = await deps.runs.getAnswer(c.req.valid('param').id);
    if (!answer) throw new NotFound('no message with this id');
    return c.json(answer, 200);
  });
}
