import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/require-role.js';
import { ComposeAnswer } from '../domain/compose.js';
import { NotFound } from '../domain/errors.js';
import type { EventsRepo } from '../store/events-repo.js';
import type { OutcomesRepo } from '../store/outcomes-repo.js';
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
    200: {
      description: 'The current answer, with its outcome and the delivery events the client reported.',
      content: {
        'application/json': {
          schema: ComposeAnswer.extend({
            outcome: z.enum(['pending', 'achieved', 'not_achieved']).nullable(),
            outcomeDetail: z.record(z.string(), z.unknown()).nullable(),
            deliveryEvents: z.array(z.object({ type: z.string(), at: z.string() })),
          }),
        },
      },
    },
    ...authProblems,
    ...notFoundProblem,
  },
});

export function messageRoutes(deps: { runs: RunsRepo; outcomes: OutcomesRepo; events: EventsRepo }) {
  return createRouter().openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const answer = await deps.runs.getAnswer(id);
    if (!answer) throw new NotFound('no message with this id');
    let [o, deliveryEvents] = await Promise.all([deps.outcomes.get(id), deps.events.forMessage(id)]);
    // The loop's worker records a sent message's outcome within its interval; a read before then records it
    // now (from the events already in), so the answer never lags what the client has sent.
    if (!o && answer.status === 'approved') {
      await deps.outcomes.openRun(id);
      o = await deps.outcomes.get(id);
    }
    const outcomeDetail = o
      ? {
          sentAt: o.sentAt,
          targets: o.targets,
          windowEndsAt: o.windowEndsAt,
          achievedAt: o.achievedAt,
          optedOutAt: o.optedOutAt,
        }
      : null;
    return c.json({ ...answer, outcome: o?.outcome ?? null, outcomeDetail, deliveryEvents }, 200);
  });
}
