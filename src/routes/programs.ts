import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/require-role.js';
import { assertKnownProgram, type ProgramSource } from '../content/known-program.js';
import { Invalid } from '../domain/errors.js';
import { EventType } from '../domain/event.js';
import { LEARNING_MODES } from '../domain/ports.js';
import { durationMs } from '../loop/run-time.js';
import { checkWebhookUrl, type UrlPolicy } from '../loop/webhook-url.js';
import type { ProgramSummary } from '../store/program-summary.js';
import type { SettingsRepo } from '../store/settings-repo.js';
import type { WebhookSecretsRepo } from '../store/webhook-secrets-repo.js';
import { createRouter } from './openapi-hono.js';
import { authProblems, unknownProgramProblem } from './problem-schema.js';

const Outcomes = z
  .strictObject({
    targets: z.array(EventType).min(1).max(20),
    window: z.string().min(2).max(40).openapi({ description: 'ISO 8601 duration, e.g. P7D' }),
  })
  .openapi('OutcomeSettings');

const Settings = z
  .object({
    program: z.string(),
    frequencyCap: z.number().int().min(0).max(100),
    frequencyWindowDays: z.number().int().min(1).max(90),
    outcomes: Outcomes.nullable().optional(),
    webhookUrl: z.string().max(2000).nullable().optional(),
    learning: z.enum(LEARNING_MODES).optional().openapi({
      description:
        'off: the design table chooses; shadow: the table chooses and the trace records what the learner would have chosen; on: the learner chooses (default off)',
    }),
    safetyReportHours: z.number().int().min(1).max(24).nullable().optional().openapi({
      description:
        'Hours within which an adverse event or product complaint case is due (dueBy); at most and by default 24.',
    }),
  })
  .openapi('ProgramSettings');

const params = z.object({ program: z.string().min(1).max(120) });
const secured = { tags: ['programs'], security: [{ bearer: [] }], middleware: requireRole('strategist') };

const getRoute = createRoute({
  method: 'get',
  operationId: 'getProgramSettings',
  path: '/{program}/settings',
  summary:
    "A programme's pacing (at most frequencyCap approved messages per subject per window), outcome targets and webhook.",
  ...secured,
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
  summary: "Replace a programme's settings; a first webhookUrl makes the signing secret, shown in this answer only.",
  ...secured,
  request: {
    params,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: Settings.omit({ program: true })
            .extend({
              frequencyCap: z.number().int().min(0).max(100).default(3),
              frequencyWindowDays: z.number().int().min(1).max(90).default(7),
              learning: z.enum(LEARNING_MODES).default('off'),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'The new settings (and `webhookSecret` when one was made now).',
      content: { 'application/json': { schema: Settings.extend({ webhookSecret: z.string().optional() }) } },
    },
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

const rotateRoute = createRoute({
  method: 'post',
  operationId: 'rotateWebhookSecret',
  path: '/{program}/webhook-secret',
  summary: 'Rotate the webhook signing secret; the old one keeps signing alongside for 24 hours.',
  ...secured,
  request: { params },
  responses: {
    200: {
      description: 'The new secret (shown once).',
      content: {
        'application/json': {
          schema: z.object({ webhookSecret: z.string(), previousValidUntil: z.string().nullable() }),
        },
      },
    },
    ...authProblems,
  },
});

const Counts = z.object({
  sent: z.number().int(),
  delivered: z.number().int(),
  opened: z.number().int(),
  clicked: z.number().int(),
  replied: z.number().int(),
  achieved: z.number().int(),
  notAchieved: z.number().int(),
  pending: z.number().int(),
  optedOut: z.number().int(),
});
const summaryRoute = createRoute({
  method: 'get',
  operationId: 'getProgramSummary',
  path: '/{program}/summary',
  summary:
    'Sent messages and what followed (delivered, opened, achieved, opted out), by barrier, technique and channel.',
  security: [{ bearer: [] }],
  tags: ['programs'],
  middleware: [requireRole('strategist', 'client')] as const,
  request: {
    params,
    query: z.object({
      from: z.iso.datetime({ offset: true }).optional(),
      to: z.iso.datetime({ offset: true }).optional(),
    }),
  },
  responses: {
    200: {
      description: 'The summary.',
      content: {
        'application/json': {
          schema: z
            .object({
              program: z.string(),
              totals: Counts,
              byBarrier: z.array(Counts.extend({ barrier: z.string() })),
              byTechnique: z.array(Counts.extend({ technique: z.string() })),
              byChannel: z.array(Counts.extend({ channel: z.string() })),
            })
            .openapi('ProgramSummary'),
        },
      },
    },
    ...authProblems,
  },
});

const ROTATION_OVERLAP_MS = 24 * 3_600_000;

export type ProgramRouteDeps = {
  settings: SettingsRepo;
  webhookSecrets: WebhookSecretsRepo;
  summary: ProgramSummary;
  webhookPolicy: UrlPolicy;
  content: ProgramSource;
};

export function programRoutes(deps: ProgramRouteDeps) {
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
      const body = c.req.valid('json');
      const errors = [];
      if (body.outcomes && !durationMs(body.outcomes.window)) {
        errors.push({ path: 'outcomes.window', message: 'a positive ISO 8601 duration such as P7D' });
      }
      if (body.webhookUrl) {
        const checked = checkWebhookUrl(body.webhookUrl, deps.webhookPolicy);
        if (!checked.ok) errors.push({ path: 'webhookUrl', message: checked.reason });
      }
      if (errors.length) throw new Invalid('the request json is not valid', errors);
      const saved = await deps.settings.put({ program, ...body });
      const webhookSecret = saved.webhookUrl ? await deps.webhookSecrets.ensure(program) : undefined;
      return c.json({ ...saved, ...(webhookSecret ? { webhookSecret } : {}) }, 200);
    })
    .openapi(rotateRoute, async (c) => {
      const r = await deps.webhookSecrets.rotate(c.req.valid('param').program, ROTATION_OVERLAP_MS);
      return c.json({ webhookSecret: r.secret, previousValidUntil: r.previousValidUntil }, 200);
    })
    .openapi(summaryRoute, async (c) => {
      const { program } = c.req.valid('param');
      await assertKnownProgram(deps.content, program);
      return c.json(await deps.summary(program, c.req.valid('query')), 200);
    });
}
