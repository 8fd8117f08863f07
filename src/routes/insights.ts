import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/require-role.js';
import { assertKnownProgram, type ProgramSource } from '../content/known-program.js';
import type { OutcomeInsights } from '../store/outcome-insights.js';
import { createRouter } from './openapi-hono.js';
import { authProblems, unknownProgramProblem } from './problem-schema.js';

const chance = z.number().min(0).max(1);
const Tally = z.object({
  sent: z.number().int(),
  achieved: z.number().int(),
  notAchieved: z.number().int(),
  pending: z.number().int(),
  rate: chance.nullable().openapi({ description: 'Achieved share of decided outcomes; null before any.' }),
});

const Insights = z
  .object({
    program: z.string(),
    descriptive: z
      .object({
        totals: Tally,
        byBarrier: z.array(Tally.extend({ barrier: z.string() })),
        byTechnique: z.array(Tally.extend({ technique: z.string() })),
        byChannel: z.array(Tally.extend({ channel: z.string() })),
        byBlock: z.array(Tally.extend({ block: z.string() })),
      })
      .openapi({
        description: 'What was sent and what followed (messages are counted under their leading technique).',
      }),
    options: z
      .array(
        Tally.extend({
          barrier: z.string(),
          technique: z.string(),
          channel: z.string(),
          pAchieve: chance.openapi({
            description: 'Posterior mean chance of the target behaviour (Beta(1, 1) prior).',
          }),
          interval: z
            .tuple([chance, chance])
            .openapi({ description: 'Central 95 % credible interval of that chance.' }),
          pBest: chance.openapi({
            description: 'Posterior probability of being the best technique for the barrier on the channel.',
          }),
        }),
      )
      .openapi({ description: 'Predictive: every barrier × technique × channel sent so far.' }),
    best: z
      .array(
        z.object({ barrier: z.string(), channel: z.string(), technique: z.string(), pAchieve: chance, pBest: chance }),
      )
      .openapi({ description: 'Prescriptive: the technique with the best estimate now, per barrier and channel.' }),
    neverWins: z.array(Tally.extend({ block: z.string(), bestChance: chance })).openapi({
      description:
        'Prescriptive: blocks whose every option has under a 5 % chance of being the best, after at least 30 decided outcomes.',
    }),
    skips: z
      .array(
        Tally.omit({ sent: true }).extend({
          barrier: z.string(),
          decided: z.number().int().openapi({ description: 'Runs the learner chose to send nothing for.' }),
          pAchieve: chance,
          interval: z.tuple([chance, chance]),
        }),
      )
      .openapi({
        description:
          'The send-nothing arm per barrier: the target behaviour after runs the learner skipped, attributed with the same window as a sent message.',
      }),
  })
  .openapi('ProgramInsights');

const insightsRoute = createRoute({
  method: 'get',
  operationId: 'getProgramInsights',
  path: '/{program}/insights',
  summary:
    'What was sent and what followed, the posterior chance each option achieves the target behaviour, and the best action per barrier and channel.',
  tags: ['programs'],
  security: [{ bearer: [] }],
  middleware: requireRole('strategist'),
  request: { params: z.object({ program: z.string().min(1).max(120) }) },
  responses: {
    200: { description: 'The insights.', content: { 'application/json': { schema: Insights } } },
    ...authProblems,
    ...unknownProgramProblem,
  },
});

export type InsightsRouteDeps = { insights: OutcomeInsights; content: ProgramSource };

export function insightsRoutes(deps: InsightsRouteDeps) {
  return createRouter().openapi(insightsRoute, async (c) => {
    const { program } = c.req.valid('param');
    await assertKnownProgram(deps.content, program);
    return c.json(await deps.insights(program), 200);
  });
}
