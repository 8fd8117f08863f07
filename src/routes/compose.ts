import { createHash } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../app-env.js';
import { requireRole } from '../auth/require-role.js';
import type { ComposeOptions, ComposeRunner } from '../compose/compose-runner.js';
import type { IdempotentCompose } from '../compose/idempotent-compose.js';
import { assertKnownProgram, type ProgramSource } from '../content/known-program.js';
import { ComposeAnswer, ComposeRequestBody, RunOrigin } from '../domain/compose.js';
import { Forbidden, HttpError } from '../domain/errors.js';
import { completeRequest } from '../loop/complete-request.js';
import { canonicalJson } from '../store/chain-hash.js';
import type { SubjectsRepo } from '../store/subjects-repo.js';
import { COMPOSE_ANSWER_EXAMPLE, COMPOSE_REQUEST_EXAMPLE, COMPOSE_STREAM_EXAMPLE } from './openapi-examples.js';
import { createRouter } from './openapi-hono.js';
import { authProblems, conflictProblem, unknownProgramProblem } from './problem-schema.js';

const composeRoute = createRoute({
  method: 'post',
  operationId: 'compose',
  path: '/',
  tags: ['compose'],
  summary: 'Compose one N-of-1 message (or decide to hold back). `?stream=1` answers server-sent events.',
  description:
    'Answers the run: `approved` (send it), `needs_review` (held for a person; `review` says why), `blocked` (a rule failed) or `skipped` (nothing to say). An unknown `program` is a 422 naming the known ones.',
  security: [{ bearer: [] }],
  middleware: [requireRole('client')] as const,
  request: {
    headers: z.object({
      'idempotency-key': z
        .string()
        .min(1)
        .max(200)
        .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
        .optional(),
      'x-nof1-origin': RunOrigin.optional().openapi({
        description:
          '`eval` marks a run an eval suite started (needs the strategist role): kept out of the review queue, metrics and content-gap figures by default.',
      }),
    }),
    query: z.object({ stream: z.enum(['1', 'true', '0', 'false']).optional() }),
    body: {
      required: true,
      content: { 'application/json': { schema: ComposeRequestBody, example: COMPOSE_REQUEST_EXAMPLE } },
    },
  },
  responses: {
    200: {
      description: 'The run: approved, needs_review, blocked or skipped (text/event-stream with ?stream=1).',
      content: {
        'application/json': { schema: ComposeAnswer, example: COMPOSE_ANSWER_EXAMPLE },
        'text/event-stream': {
          schema: z.string().openapi({
            description: 'With ?stream=1: a `step` event per graph node, then one `answer` (or `error`) event.',
          }),
          example: COMPOSE_STREAM_EXAMPLE,
        },
      },
    },
    ...authProblems,
    ...conflictProblem,
    ...unknownProgramProblem,
  },
});

const hashOf = (v: unknown) => createHash('sha256').update(canonicalJson(v)).digest('hex');

type Run = (opts: Pick<ComposeOptions, 'onStep'>) => Promise<ComposeAnswer>;

/** Server-sent events: a step per node while the run goes (none for a replay), then the answer. */
function streamRun(c: Context<AppEnv>, run: Run) {
  return streamSSE(c, async (sse) => {
    const steps: Array<Promise<void>> = [];
    try {
      const answer = await run({
        onStep: ({ node, step }) => {
          steps.push(
            sse.writeSSE({
              event: 'step',
              data: JSON.stringify({
                node,
                agent: step.agent,
                engine: step.engine,
                durationMs: step.durationMs,
                output: step.output,
              }),
            }),
          );
        },
      });
      await Promise.all(steps);
      await sse.writeSSE({ event: 'answer', data: JSON.stringify(answer) });
    } catch (err) {
      // The headers are sent: the error travels as the stream's last event, with the status it would have had.
      const known = err instanceof HttpError;
      const problem = { status: known ? err.status : 500, detail: known ? err.message : 'internal error' };
      await sse.writeSSE({ event: 'error', data: JSON.stringify(problem) });
    }
  });
}

export function composeRoutes(deps: {
  runner: ComposeRunner;
  idempotent: IdempotentCompose;
  content: ProgramSource;
  subjects: SubjectsRepo;
}) {
  return createRouter().openapi(composeRoute, async (c) => {
    const body = c.req.valid('json');
    await assertKnownProgram(deps.content, body.program);
    // Subject fields the request leaves out come from the stored subject (v1.2); the request's own win.
    const request = completeRequest(body, await deps.subjects.get(body.subject.id));
    const key = c.req.valid('header')['idempotency-key'];
    const origin = c.req.valid('header')['x-nof1-origin'] ?? 'api';
    // Marking a run as an eval hides it from reviewers by default: only those who run suites may do so.
    const roles = c.get('roles');
    if (origin === 'eval' && !roles.has('admin') && !roles.has('strategist'))
      throw new Forbidden('only a key with the strategist role may mark runs as eval runs (x-nof1-origin: eval)');
    const stream = ['1', 'true'].includes(c.req.valid('query').stream ?? '');
    let run: Run = (opts) => deps.runner.compose(request, { ...opts, origin });
    if (key) {
      // Claimed (or waited for) before anything runs or streams, so a conflict is a plain 409.
      const ref = { principal: c.get('principal'), key };
      const outcome = await deps.idempotent.claimOrWait(ref, hashOf(body));
      if ('answer' in outcome) {
        c.header('idempotent-replayed', 'true');
        const { answer } = outcome;
        run = async () => answer;
      } else {
        run = (opts) =>
          deps.idempotent.runClaimed(ref, outcome.runId, (claimed) =>
            deps.runner.compose(request, { ...opts, ...claimed, origin }),
          );
      }
    }
    if (!stream) return c.json(await run({}), 200);
    return streamRun(c, run) as never;
  });
}
