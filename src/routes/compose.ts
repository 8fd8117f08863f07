import { createHash } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { requireRole } from '../auth/require-role.js';
import type { ComposeRunner } from '../compose/compose-runner.js';
import { assertKnownProgram, type ProgramSource } from '../content/known-program.js';
import { ComposeAnswer, ComposeRequest, RunOrigin } from '../domain/compose.js';
import { Conflict, Forbidden, Invalid } from '../domain/errors.js';
import { canonicalJson } from '../store/chain-hash.js';
import type { IdempotencyRepo } from '../store/idempotency-repo.js';
import type { RunsRepo } from '../store/runs-repo.js';
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
      'idempotency-key': z.string().min(1).max(200).optional(),
      'x-nof1-origin': RunOrigin.optional().openapi({
        description:
          '`eval` marks a run an eval suite started (needs the strategist role): kept out of the review queue, metrics and content-gap figures by default.',
      }),
    }),
    query: z.object({ stream: z.enum(['1', 'true', '0', 'false']).optional() }),
    body: {
      required: true,
      content: { 'application/json': { schema: ComposeRequest, example: COMPOSE_REQUEST_EXAMPLE } },
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

export function composeRoutes(deps: {
  runner: ComposeRunner;
  runs: RunsRepo;
  idempotency: IdempotencyRepo;
  content: ProgramSource;
}) {
  return createRouter().openapi(composeRoute, async (c) => {
    const request = c.req.valid('json');
    await assertKnownProgram(deps.content, request.program);
    const key = c.req.valid('header')['idempotency-key'];
    const origin = c.req.valid('header')['x-nof1-origin'] ?? 'api';
    // Marking a run as an eval hides it from reviewers by default: only those who run suites may do so.
    const roles = c.get('roles');
    if (origin === 'eval' && !roles.has('admin') && !roles.has('strategist'))
      throw new Forbidden('only a key with the strategist role may mark runs as eval runs (x-nof1-origin: eval)');
    const principal = c.get('principal');
    const stream = ['1', 'true'].includes(c.req.valid('query').stream ?? '');
    if (key) {
      const seen = await deps.idempotency.find(principal, key);
      if (seen && seen.request_hash !== hashOf(request)) {
        throw new Conflict('this Idempotency-Key was used with a different request body');
      }
      const replay = seen && (await deps.runs.getAnswer(seen.run_id));
      if (replay) {
        c.header('idempotent-replayed', 'true');
        return c.json(replay, 200);
      }
    }
    const finish = async (answer: ComposeAnswer) => {
      const owner = key ? await deps.idempotency.claim(principal, key, hashOf(request), answer.id) : answer.id;
      return owner === answer.id ? answer : ((await deps.runs.getAnswer(owner)) ?? answer);
    };
    if (!stream) return c.json(await finish(await deps.runner.compose(request, undefined, { origin })), 200);
    return streamSSE(c, async (sse) => {
      const steps: Array<Promise<void>> = [];
      try {
        const answer = await deps.runner.compose(
          request,
          ({ node, step }) => {
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
          { origin },
        );
        await Promise.all(steps);
        await sse.writeSSE({ event: 'answer', data: JSON.stringify(await finish(answer)) });
      } catch (err) {
        const detail = err instanceof Invalid ? err.message : 'internal error';
        await sse.writeSSE({ event: 'error', data: JSON.stringify({ status: 500, detail }) });
      }
    }) as never;
  });
}
