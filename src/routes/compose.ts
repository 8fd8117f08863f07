import { createHash } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { requireRole } from '../auth/require-role.js';
import type { ComposeRunner } from '../compose/compose-runner.js';
import { ComposeAnswer, ComposeRequestBody } from '../domain/compose.js';
import { Conflict, Invalid } from '../domain/errors.js';
import { completeRequest } from '../loop/complete-request.js';
import { canonicalJson } from '../store/chain-hash.js';
import type { IdempotencyRepo } from '../store/idempotency-repo.js';
import type { RunsRepo } from '../store/runs-repo.js';
import type { SubjectsRepo } from '../store/subjects-repo.js';
import { createRouter } from './openapi-hono.js';
import { authProblems, conflictProblem } from './problem-schema.js';

const composeRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['compose'],
  summary: 'Compose one N-of-1 message (or decide to hold back). `?stream=1` answers server-sent events.',
  security: [{ bearer: [] }],
  middleware: [requireRole('client')] as const,
  request: {
    headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }),
    query: z.object({ stream: z.enum(['1', 'true', '0', 'false']).optional() }),
    body: { required: true, content: { 'application/json': { schema: ComposeRequestBody } } },
  },
  responses: {
    200: {
      description: 'The run: approved, needs_review, blocked or skipped (text/event-stream with ?stream=1).',
      content: { 'application/json': { schema: ComposeAnswer } },
    },
    ...authProblems,
    ...conflictProblem,
  },
});

const hashOf = (v: unknown) => createHash('sha256').update(canonicalJson(v)).digest('hex');

export function composeRoutes(deps: {
  runner: ComposeRunner;
  runs: RunsRepo;
  idempotency: IdempotencyRepo;
  subjects: SubjectsRepo;
}) {
  return createRouter().openapi(composeRoute, async (c) => {
    const body = c.req.valid('json');
    // Subject fields the request leaves out come from the stored subject (v1.2); the request's own win.
    const request = completeRequest(body, await deps.subjects.get(body.subject.id));
    const key = c.req.valid('header')['idempotency-key'];
    const principal = c.get('principal');
    const stream = ['1', 'true'].includes(c.req.valid('query').stream ?? '');
    if (key) {
      const seen = await deps.idempotency.find(principal, key);
      if (seen && seen.request_hash !== hashOf(body)) {
        throw new Conflict('this Idempotency-Key was used with a different request body');
      }
      const replay = seen && (await deps.runs.getAnswer(seen.run_id));
      if (replay) {
        c.header('idempotent-replayed', 'true');
        return c.json(replay, 200);
      }
    }
    const finish = async (answer: ComposeAnswer) => {
      const owner = key ? await deps.idempotency.claim(principal, key, hashOf(body), answer.id) : answer.id;
      return owner === answer.id ? answer : ((await deps.runs.getAnswer(owner)) ?? answer);
    };
    if (!stream) return c.json(await finish(await deps.runner.compose(request)), 200);
    return streamSSE(c, async (sse) => {
      const steps: Array<Promise<void>> = [];
      try {
        const answer = await deps.runner.compose(request, ({ node, step }) => {
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
        });
        await Promise.all(steps);
        await sse.writeSSE({ event: 'answer', data: JSON.stringify(await finish(answer)) });
      } catch (err) {
        const detail = err instanceof Invalid ? err.message : 'internal error';
        await sse.writeSSE({ event: 'error', data: JSON.stringify({ status: 500, detail }) });
      }
    }) as never;
  });
}
