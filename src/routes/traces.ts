import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/require-role.js';
import { assertKnownProgram, type ProgramSource } from '../content/known-program.js';
import { Barrier } from '../domain/block.js';
import { ComposeAnswer, Status } from '../domain/compose.js';
import { NotFound } from '../domain/errors.js';
import type { RunListing } from '../store/run-listing.js';
import type { TraceRepo } from '../store/trace-repo.js';
import { readTraceView } from '../store/trace-view.js';
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
  summary: 'Runs by time window, newest first (cursor pagination).',
  ...secured,
  request: {
    query: z.object({
      from: z.iso.datetime({ offset: true }).optional(),
      to: z.iso.datetime({ offset: true }).optional(),
      status: Status.optional(),
      barrier: Barrier.optional(),
      program: z.string().min(1).max(120).optional(),
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

export function traceRoutes(deps: { traces: TraceRepo; listing: RunListing; content: ProgramSource }) {
  return createRouter()
    .openapi(listRoute, async (c) => {
      const { limit, cursor, ...filter } = c.req.valid('query');
      await assertKnownProgram(deps.content, filter.program);
      const rows = await deps.listing.list(filter, limit + 1, decodeCursor(cursor));
      const { page, nextCursor } = pageOf(rows, limit, (r) => ({ at: r.createdAt, id: r.runId }));
      return c.json({ traces: page, nextCursor }, 200);
    })
    .openapi(getRoute, async (c) => {
      const { traceId } = c.req.valid('param');
      const trace = await readTraceView(deps, traceId);
      if (!trace) throw new NotFound('no trace with this id');
      return c.json(trace, 200);
    })
    .openapi(verifyRoute, async (c) => {
      const { traceId } = c.req.valid('param');
      if (!(await deps.listing.byTrace(traceId))) throw new NotFound('no trace with this id');
      return c.json(await deps.traces.verify(traceId), 200);
    });
}
