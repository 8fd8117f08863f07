import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/require-role.js';
import { assertKnownProgram, type ProgramSource } from '../content/known-program.js';
import { Barrier } from '../domain/block.js';
import { ComposeAnswer, RunOrigin, Status } from '../domain/compose.js';
import { NotFound } from '../domain/errors.js';
import type { RunListing } from '../store/run-listing.js';
import type { TraceRepo } from '../store/trace-repo.js';
import { readTraceView } from '../store/trace-view.js';
import { BlockText, blockTextsOf } from './block-texts.js';
import { decodeCursor, pageOf } from './cursor.js';
import { createRouter } from './openapi-hono.js';
import { authProblems, notFoundProblem, unknownProgramProblem } from './problem-schema.js';

const TraceSummary = z
  .object({
    traceId: z.string(),
    runId: z.string(),
    status: z.string(),
    barrier: z.string().nullable(),
    program: z.string(),
    channel: z.string().nullable(),
    createdAt: z.string(),
    durationMs: z.number().nullable(),
    modelCalls: z.number().int(),
    fallbacks: z.number().int(),
    subjectRef: z.string().nullable(),
    origin: RunOrigin,
  })
  .openapi('TraceSummary');

const Step = z
  .object({
    step: z.number().int(),
    kind: z.string(),
    node: z.string().optional(),
    agent: z.string().nullable().optional(),
    engine: z.string().optional(),
    fallback: z.string().optional(),
    startedAt: z.string().optional(),
    durationMs: z.number().optional(),
    input: z.record(z.string(), z.unknown()).optional(),
    output: z.record(z.string(), z.unknown()).optional(),
    toolCalls: z.array(z.unknown()).optional(),
    modelCalls: z.array(z.unknown()).optional(),
    personal: z.unknown().optional().openapi({ description: 'Redacted free text read by the step; null once erased.' }),
    hash: z.string(),
  })
  .openapi('TraceStep');

const Trace = z
  .object({
    traceId: z.string(),
    runId: z.string(),
    program: z.string(),
    createdAt: z.string(),
    answer: ComposeAnswer,
    blocks: z.array(BlockText).openapi({ description: "The message's blocks with the text of the version used." }),
    steps: z.array(Step),
  })
  .openapi('Trace');

const secured = { security: [{ bearer: [] }], middleware: requireRole('reviewer') };
const traceIdParam = z.object({ traceId: z.string().min(1).max(100) });

const listRoute = createRoute({
  method: 'get',
  operationId: 'listTraces',
  path: '/',
  tags: ['traces'],
  summary:
    'Runs by time window, status, barrier, programme, subject, block or approval code, newest first (cursor pagination).',
  ...secured,
  request: {
    query: z.object({
      from: z.iso.datetime({ offset: true }).optional(),
      to: z.iso.datetime({ offset: true }).optional(),
      status: Status.optional(),
      barrier: Barrier.optional(),
      program: z.string().min(1).max(120).optional(),
      subject: z.string().min(1).max(200).optional().openapi({ description: 'The pseudonymous subject id.' }),
      block: z.string().min(1).max(120).optional().openapi({ description: 'Runs whose message used this block id.' }),
      approvalCode: z
        .string()
        .min(1)
        .max(60)
        .optional()
        .openapi({ description: 'Runs whose message used a block with this MLR approval code.' }),
      origin: RunOrigin.optional().openapi({ description: 'api (client requests) or eval; both when absent.' }),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      cursor: z.string().max(200).optional(),
    }),
  },
  responses: {
    200: {
      description: 'One page of runs.',
      content: {
        'application/json': { schema: z.object({ traces: z.array(TraceSummary), nextCursor: z.string().nullable() }) },
      },
    },
    ...authProblems,
    ...unknownProgramProblem,
  },
});

const getRoute = createRoute({
  method: 'get',
  operationId: 'getTrace',
  path: '/{traceId}',
  tags: ['traces'],
  summary: "A run's steps in order: agents, engines, tool calls, model calls, redacted inputs and outputs.",
  ...secured,
  request: { params: traceIdParam },
  responses: {
    200: { description: 'The trace.', content: { 'application/json': { schema: Trace } } },
    ...authProblems,
    ...notFoundProblem,
  },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/{traceId}/export',
  operationId: 'exportTrace',
  tags: ['traces'],
  summary: 'The trace and its chain verification as one JSON file to keep (a download).',
  ...secured,
  request: { params: traceIdParam },
  responses: {
    200: {
      description: 'The trace, with `verification` and `exportedAt`.',
      content: { 'application/json': { schema: z.looseObject({ exportedAt: z.string() }) } },
    },
    ...authProblems,
    ...notFoundProblem,
  },
});

const verifyRoute = createRoute({
  method: 'get',
  operationId: 'verifyTrace',
  path: '/{traceId}/verify',
  tags: ['traces'],
  summary: "Whether the trace's hash chain is intact.",
  ...secured,
  request: { params: traceIdParam },
  responses: {
    200: {
      description: 'The verification.',
      content: {
        'application/json': {
          schema: z.object({
            traceId: z.string(),
            records: z.number().int(),
            intact: z.boolean(),
            problems: z.array(z.object({ step: z.number().int(), problem: z.string() })),
          }),
        },
      },
    },
    ...authProblems,
    ...notFoundProblem,
  },
});

type Deps = {
  traces: TraceRepo;
  listing: RunListing;
  content: ProgramSource & Parameters<typeof blockTextsOf>[0];
};

/** The trace as the API shows it: the run, the texts of its message's blocks, its steps. */
async function traceView(deps: Deps, traceId: string) {
  const trace = await readTraceView(deps, traceId);
  if (!trace) throw new NotFound('no trace with this id');
  const [blocks] = await blockTextsOf(deps.content, [trace.answer.message]);
  const { steps, ...run } = trace;
  return { ...run, blocks: blocks!, steps };
}

export function traceRoutes(deps: Deps) {
  return createRouter()
    .openapi(listRoute, async (c) => {
      const { limit, cursor, ...filter } = c.req.valid('query');
      await assertKnownProgram(deps.content, filter.program);
      const rows = await deps.listing.list(filter, limit + 1, decodeCursor(cursor));
      const { page, nextCursor } = pageOf(rows, limit, (r) => ({ at: r.createdMicros, id: r.runId }));
      return c.json({ traces: page.map(({ createdMicros: _, ...summary }) => summary), nextCursor }, 200);
    })
    .openapi(getRoute, async (c) => c.json(await traceView(deps, c.req.valid('param').traceId), 200))
    .openapi(exportRoute, async (c) => {
      const { traceId } = c.req.valid('param');
      const trace = await traceView(deps, traceId);
      const verification = await deps.traces.verify(traceId);
      c.header('content-disposition', `attachment; filename="${traceId.replace(/[^A-Za-z0-9_-]/g, '')}.json"`);
      return c.json({ exportedAt: new Date().toISOString(), ...trace, verification }, 200);
    })
    .openapi(verifyRoute, async (c) => {
      const { traceId } = c.req.valid('param');
      if (!(await deps.listing.byTrace(traceId))) throw new NotFound('no trace with this id');
      return c.json(await deps.traces.verify(traceId), 200);
    });
}
