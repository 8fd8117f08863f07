import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/require-role.js';
import { createRouter } from './openapi-hono.js';
import { authProblems } from './problem-schema.js';

const GraphShape = z
  .object({
    nodes: z.array(z.string()).openapi({ description: 'Node ids, with LangGraph’s __start__ and __end__.' }),
    edges: z.array(
      z.object({
        source: z.string(),
        target: z.string(),
        conditional: z.boolean().openapi({ description: 'Chosen by the run policy from the run’s state.' }),
      }),
    ),
  })
  .openapi('ComposeGraph');

const graphRoute = createRoute({
  method: 'get',
  path: '/',
  operationId: 'getComposeGraph',
  tags: ['traces'],
  summary: 'The compose graph as compiled (nodes and edges); a trace’s steps are a path through it.',
  security: [{ bearer: [] }],
  middleware: [requireRole('reviewer')] as const,
  responses: {
    200: { description: 'The graph.', content: { 'application/json': { schema: GraphShape } } },
    ...authProblems,
  },
});

export function graphRoutes(deps: { runner: { graphShape(): Promise<z.infer<typeof GraphShape>> } }) {
  return createRouter().openapi(graphRoute, async (c) => c.json(await deps.runner.graphShape(), 200));
}
