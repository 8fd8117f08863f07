import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/require-role.js';
import type { ComposeRunner } from '../compose/compose-runner.js';
import { ComposeAnswer } from '../domain/compose.js';
import { Conflict, NotFound } from '../domain/errors.js';
import { createRedactor } from '../privacy/redact.js';
import type { ReviewRow, ReviewsRepo } from '../store/reviews-repo.js';
import { decodeCursor, pageOf } from './cursor.js';
import { createRouter } from './openapi-hono.js';
import { authProblems, conflictProblem, notFoundProblem } from './problem-schema.js';

const Review = z
  .object({
    id: z.string(),
    runId: z.string(),
    status: z.enum(['pending', 'deciding', 'approved', 'rejected', 'withdrawn']),
    reason: z.string(),
    createdAt: z.string(),
    decision: z.string().nullable(),
    note: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    diagnosis: ComposeAnswer.shape.diagnosis,
    strategy: ComposeAnswer.shape.strategy,
    message: ComposeAnswer.shape.message,
    /** The subject's locale the run wrote in; en-US for runs stored before v1.4. */
    locale: z.string(),
    checks: z.array(z.object({ rule: z.string(), passed: z.boolean(), detail: z.string() })),
    traceId: z.string(),
  })
  .openapi('Review');

const toReview = (r: ReviewRow) => ({
  id: r.id,
  runId: r.runId,
  status: r.status,
  reason: r.reason,
  createdAt: r.createdAt,
  decision: r.decision,
  note: r.note,
  decidedBy: r.decidedBy,
  decidedAt: r.decidedAt,
  diagnosis: r.answer.diagnosis,
  strategy: r.answer.strategy,
  message: r.answer.message,
  locale: r.answer.locale ?? 'en-US',
  checks: r.answer.compliance.checks,
  traceId: r.answer.traceId,
});

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['reviews'],
  summary: 'Runs held for a human, newest first.',
  security: [{ bearer: [] }],
  middleware: [requireRole('reviewer')] as const,
  request: {
    query: z.object({
      status: z.enum(['pending', 'decided', 'all']).default('pending'),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      cursor: z.string().max(200).optional(),
    }),
  },
  responses: {
    200: {
      description: 'Reviews and the cursor of the next page.',
      content: {
        'application/json': { schema: z.object({ reviews: z.array(Review), nextCursor: z.string().nullable() }) },
      },
    },
    ...authProblems,
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['reviews'],
  summary: 'One review with its proposed message and checks.',
  security: [{ bearer: [] }],
  middleware: [requireRole('reviewer')] as const,
  request: { params: z.object({ id: z.string().min(1).max(100) }) },
  responses: {
    200: { description: 'The review.', content: { 'application/json': { schema: Review } } },
    ...authProblems,
    ...notFoundProblem,
  },
});

const decideRoute = createRoute({
  method: 'post',
  path: '/{id}/decision',
  tags: ['reviews'],
  summary: 'Approve or reject a held run; the run resumes from its checkpoint.',
  security: [{ bearer: [] }],
  middleware: [requireRole('reviewer')] as const,
  request: {
    params: z.object({ id: z.string().min(1).max(100) }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.strictObject({ decision: z.enum(['approve', 'reject']), note: z.string().max(2000).optional() }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'The decided review and the run’s new answer.',
      content: { 'application/json': { schema: z.object({ review: Review, answer: ComposeAnswer }) } },
    },
    ...authProblems,
    ...notFoundProblem,
    ...conflictProblem,
  },
});

export function reviewRoutes(deps: { reviews: ReviewsRepo; runner: ComposeRunner }) {
  return createRouter()
    .openapi(listRoute, async (c) => {
      const q = c.req.valid('query');
      const rows = await deps.reviews.list(q.status, q.limit + 1, decodeCursor(q.cursor));
      const { page, nextCursor } = pageOf(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }));
      return c.json({ reviews: page.map(toReview), nextCursor }, 200);
    })
    .openapi(getRoute, async (c) => {
      const review = await deps.reviews.get(c.req.valid('param').id);
      if (!review) throw new NotFound('no review with this id');
      return c.json(toReview(review), 200);
    })
    .openapi(decideRoute, async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const review = await deps.reviews.get(id);
      if (!review) throw new NotFound('no review with this id');
      if (!(await deps.reviews.claim(id))) throw new Conflict(`this review is already ${review.status}`);
      try {
        const note = body.note?.trim() ? createRedactor().text(body.note.trim()) : null;
        const decision = { decision: body.decision, note, by: c.get('principal'), at: new Date().toISOString() };
        const answer = await deps.runner.resume(review.runId, id, decision);
        const decided = (await deps.reviews.get(id))!;
        c.get('logger').info({ reviewId: id, decision: body.decision, status: answer.status }, 'review decided');
        return c.json({ review: toReview(decided), answer }, 200);
      } catch (err) {
        await deps.reviews.release(id);
        throw err;
      }
    });
}
