import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/require-role.js';
import { Invalid } from '../domain/errors.js';
import { TriggerSet } from '../domain/trigger.js';
import { delayProblem } from '../loop/run-time.js';
import type { TriggersRepo } from '../store/triggers-repo.js';
import { createRouter } from './openapi-hono.js';
import { authProblems } from './problem-schema.js';

const params = z.object({ program: z.string().min(1).max(120) });
const secured = { tags: ['programs'], security: [{ bearer: [] }], middleware: requireRole('strategist') };
const answer = { description: "The programme's triggers.", content: { 'application/json': { schema: TriggerSet } } };

const getRoute = createRoute({
  method: 'get',
  operationId: 'getTriggers',
  path: '/{program}/triggers',
  summary: 'The events that schedule a compose run, as data.',
  ...secured,
  request: { params },
  responses: { 200: answer, ...authProblems },
});

const putRoute = createRoute({
  method: 'put',
  operationId: 'putTriggers',
  path: '/{program}/triggers',
  summary: "Replace a programme's triggers: on (event type), where (eq/neq/gt/gte/lt/lte/in/exists), delay, channel.",
  ...secured,
  request: { params, body: { required: true, content: { 'application/json': { schema: TriggerSet } } } },
  responses: { 200: answer, ...authProblems },
});

export function triggerRoutes(deps: { triggers: TriggersRepo }) {
  return createRouter()
    .openapi(getRoute, async (c) => c.json({ triggers: await deps.triggers.get(c.req.valid('param').program) }, 200))
    .openapi(putRoute, async (c) => {
      const { triggers } = c.req.valid('json');
      const errors = triggers.flatMap((t, i) => {
        const problem = delayProblem(t);
        return problem ? [{ path: `triggers.${i}.delay`, message: problem }] : [];
      });
      if (errors.length) throw new Invalid('the request json is not valid', errors);
      return c.json({ triggers: await deps.triggers.put(c.req.valid('param').program, triggers) }, 200);
    });
}
