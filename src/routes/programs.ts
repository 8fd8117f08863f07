import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/require-role.js';
import { assertKnownProgram, type ProgramSource } from '../content/known-program.js';
import type { SettingsRepo } from '../store/settings-repo.js';
import { createRouter } from './openapi-hono.js';
import { authProblems, unknownProgramProblem } from './problem-schema.js';

const Settings = z
  .object({
    program: z.string(),
    frequencyCap: z.number().int().min(0).max(100),
    frequencyWindowDays: z.number().int().min(1).max(90),
  })
  .openapi('ProgramSettings');

const params = z.object({ program: z.string().min(1).max(120) });

const getRoute = createRoute({
  method: 'get',
  operationId: 'getProgramSettings',
  path: '/{program}/settings',
  tags: ['programs'],
  summary:
    "A programme's pacing: at most frequencyCap approved messages per subject per window (default 3 per 7 days).",
  security: [{ bearer: [] }],
  middleware: [requireRole('strategist')] as const,
  request: { params },
  responses: {
    200: { description: 'The settings.', content: { 'application/json': { schema: Settings } } },
    ...authProblems,
    ...unknownProgramProblem,
  },
});

const putRoute = createRoute({
  method: 'put',
  operationId: 'putProgramSettings',
  path: '/{program}/settings',
  tags: ['programs'],
  summary: "Set a programme's pacing.",
  security: [{ bearer: [] }],
  middleware: [requireRole('strategist')] as const,
  request: {
    params,
    body: { required: true, content: { 'application/json': { schema: Settings.omit({ program: true }).strict() } } },
  },
  responses: {
    200: { description: 'The new settings.', content: { 'application/json': { schema: Settings } } },
    ...authProblems,
    ...unknownProgramProblem,
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listPrograms',
  tags: ['programs'],
  summary: 'The programmes the content library has blocks for: the names compose and every filter accept.',
  security: [{ bearer: [] }],
  responses: {
    200: {
      description: 'Programme names, sorted.',
      content: { 'application/json': { schema: z.object({ programs: z.array(z.string()) }) } },
    },
    ...authProblems,
  },
});

export function programRoutes(deps: { settings: SettingsRepo; content: ProgramSource }) {
  return createRouter()
    .openapi(listRoute, async (c) => c.json({ programs: await deps.content.programs() }, 200))
    .openapi(getRoute, async (c) => {
      const { program } = c.req.valid('param');
      await assertKnownProgram(deps.content, program);
      return c.json(await deps.settings.get(program), 200);
    })
    .openapi(putRoute, async (c) => {
      const { program } = c.req.valid('param');
      await assertKnownProgram(deps.content, program);
      return c.json(await deps.settings.put({ program, ...c.req.valid('json') }), 200);
    });
}
