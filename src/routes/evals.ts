import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/require-role.js';
import { NotFound } from '../domain/errors.js';
import { createRouter } from './openapi-hono.js';
import { authProblems, conflictProblem, notFoundProblem, Problem } from './problem-schema.js';

const StartRun = z
  .strictObject({
    suite: z
      .string()
      .min(1)
      .max(80)
      .optional()
      .openapi({ description: 'A shipped suite by name, e.g. barrier-diagnosis.' }),
    suiteYaml: z.string().min(1).max(512_000).optional().openapi({ description: 'An uploaded, self-contained suite.' }),
    filter: z.array(z.string().min(1).max(100)).max(50).optional(),
    repeat: z.number().int().min(1).max(20).optional(),
    concurrency: z.number().int().min(1).max(16).optional(),
  })
  .refine((b) => (b.suite === undefined) !== (b.suiteYaml === undefined), { message: 'give either suite or suiteYaml' })
  .openapi('StartEvalRun');

const Progress = z.object({ done: z.number().int(), total: z.number().int() });
const Json = z.record(z.string(), z.unknown());
const EvalRunSchema = z
  .object({
    id: z.string(),
    suite: z.object({ name: z.string(), file: z.string().nullable() }),
    gitCommit: z.string().nullable(),
    config: Json,
    status: z.enum(['running', 'done', 'failed']),
    error: z.string().nullable(),
    progress: Progress,
    summary: Json.nullable(),
    results: z.array(Json).nullable(),
    accepted: z.boolean(),
    acceptedAt: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('EvalRun');

const secured = { tags: ['evals'], security: [{ bearer: [] }], middleware: requireRole('strategist') };
const idParam = z.object({ id: z.string().min(1).max(100) });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const startRoute = createRoute({
  method: 'post',
  operationId: 'startEvalRun',
  path: '/runs',
  summary: 'Start an eval run of a shipped or uploaded suite; it runs in the background.',
  ...secured,
  request: { body: { content: { 'application/json': { schema: StartRun } }, required: true } },
  responses: {
    202: json(z.object({ id: z.string(), status: z.literal('running'), progress: Progress }), 'Started.'),
    ...authProblems,
    ...notFoundProblem,
    503: {
      description: 'Too many eval runs in progress.',
      content: { 'application/problem+json': { schema: Problem } },
    },
  },
});
const getRoute = createRoute({
  method: 'get',
  operationId: 'getEvalRun',
  path: '/runs/{id}',
  summary: "A run's progress, and its summary and case results once finished.",
  ...secured,
  request: { params: idParam },
  responses: { 200: json(EvalRunSchema, 'The run.'), ...authProblems, ...notFoundProblem },
});
const reportRoute = createRoute({
  method: 'get',
  operationId: 'getEvalReport',
  path: '/runs/{id}/report.html',
  summary: 'The self-contained HTML report (charts inline, nothing fetched).',
  ...secured,
  request: { params: idParam },
  responses: {
    200: { description: 'The report.', content: { 'text/html': { schema: z.string() } } },
    ...authProblems,
    ...notFoundProblem,
  },
});
const acceptRoute = createRoute({
  method: 'post',
  operationId: 'acceptEvalRun',
  path: '/runs/{id}/accept',
  summary: "Mark a finished run as its suite's baseline.",
  ...secured,
  request: { params: idParam },
  responses: { 200: json(EvalRunSchema, 'The accepted run.'), ...authProblems, ...notFoundProblem, ...conflictProblem },
});
const compareRoute = createRoute({
  method: 'get',
  operationId: 'compareEvalRuns',
  path: '/compare',
  summary: 'Case-by-case regressions, fixes and changes between two finished runs (base may be last-accepted).',
  ...secured,
  request: { query: z.object({ base: z.string().min(1).max(100), head: z.string().min(1).max(100) }) },
  responses: { 200: json(Json, 'The comparison.'), ...authProblems, ...notFoundProblem, ...conflictProblem },
});

type StartEvalRun = z.infer<typeof StartRun>;
type EvalRunView = z.infer<typeof EvalRunSchema>;

/**
 * What the routes need of the eval runner; the service injects it, so nothing here imports evals/.
 * Failures are typed errors (a bad suite Invalid, an unknown one NotFound, a full queue Unavailable,
 * an unfinished run Conflict).
 */
export interface EvalService {
  start(spec: StartEvalRun): Promise<{ id: string; progress: { done: number; total: number } }>;
  get(id: string): Promise<EvalRunView | undefined>;
  reportHtml(id: string): Promise<string | undefined>;
  accept(id: string): Promise<EvalRunView>;
  compare(base: string, head: string): Promise<Record<string, unknown>>;
}

export type EvalRouteDeps = { evals: EvalService };

export function evalRoutes({ evals }: EvalRouteDeps) {
  return createRouter()
    .openapi(startRoute, async (c) => {
      const { id, progress } = await evals.start(c.req.valid('json'));
      c.header('location', `/v1/evals/runs/${id}`);
      return c.json({ id, status: 'running' as const, progress }, 202);
    })
    .openapi(getRoute, async (c) => {
      const run = await evals.get(c.req.valid('param').id);
      if (!run) throw new NotFound('no eval run with this id');
      return c.json(run, 200);
    })
    .openapi(reportRoute, async (c) => {
      const html = await evals.reportHtml(c.req.valid('param').id);
      if (html === undefined) throw new NotFound('no eval run with this id');
      // The report needs no script and fetches nothing; the header says so to the browser too.
      c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
      return c.html(html, 200);
    })
    .openapi(acceptRoute, async (c) => c.json(await evals.accept(c.req.valid('param').id), 200))
    .openapi(compareRoute, async (c) => {
      const q = c.req.valid('query');
      return c.json(await evals.compare(q.base, q.head), 200);
    });
}
