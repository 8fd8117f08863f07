import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/require-role.js';
import type { ComposeRunner } from '../compose/compose-runner.js';
import { ComposeAnswer, RunOrigin } from '../domain/compose.js';
import { Conflict, NotFound } from '../domain/errors.js';
import { createRedactor } from '../privacy/redact.js';
import type { ReviewRow, ReviewsRepo } from '../store/reviews-repo.js';
import { BlockText, blockTextsOf } from './block-texts.js';
import { DECISION_EXAMPLE } from './openapi-examples.js';
import { createRouter } from './openapi-hono.js';
import { authProblems, conflictProblem, notFoundProblem } from './problem-schema.js';
import { decodeReviewCursor, encodeReviewCursor } from './review-cursor.js';

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
    program: z.string(),
    subjectRef: z.string().nullable().openapi({ description: 'The pseudonymous subject id; null once erased.' }),
    origin: RunOrigin,
    blocks: z.array(BlockText).openapi({ description: "The proposed message's blocks with their text." }),
  })
  .openapi('Review');

const toReview = (r: ReviewRow, blocks: BlockText[]) => ({
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
  program: r.program,
  subjectRef: r.subjectRef,
  origin: r.origin,
  blocks,
});

const listRoute = createRoute({
  method: 'get',
  operationId: 'listReviews',
  path: '/',
  tags: ['reviews'],
  summary: 'Runs held for a human: safety holds first (crisis, adverse event, ...), then newest first.',
  security: [{ bearer: [] }],
  middleware: [requireRole('reviewer')] as const,
  request: {
    query: z.object({
      status: z.enum(['pending', 'decided', 'all']).default('pending'),
      reason: z
        .string()
        .regex(/^[a-z_]{1,60}$/)
        .optional()
        .openapi({ description: 'Only holds whose reason has this code: crisis, adverse_event, low_confidence, ...' }),
      origin: z
        .enum(['api', 'eval', 'all'])
        .default('api')
        .openapi({ description: 'Runs of client requests (default), of eval suites, or both.' }),
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
  operationId: 'getReview',
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
  operationId: 'decideReview',
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
          example: DECISION_EXAMPLE,
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

type Deps = { reviews: ReviewsRepo; runner: ComposeRunner; content: Parameters<typeof blockTextsOf>[0] };

/** Reviews as the API shows them, each with its blocks' texts (one query for the page). */
async function withTexts(deps: Deps, rows: ReviewRow[]) {
  const texts = await blockTextsOf(
    deps.content,
    rows.map((r) => r.answer.message),
  );
  return rows.map((r, i) => toReview(r, texts[i]!));
}

export function reviewRoutes(deps: Deps) {
  return createRouter()
    .openapi(listRoute, async (c) => {
      const q = c.req.valid('query');
      const filter = { reason: q.reason, origin: q.origin };
      const rows = await deps.reviews.list(q.status, q.limit + 1, decodeReviewCursor(q.cursor), filter);
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      const nextCursor =
        rows.length > q.limit && last
          ? encodeReviewCursor({ priority: last.priority, at: last.createdMicros, id: last.id })
          : null;
      return c.json({ reviews: await withTexts(deps, page), nextCursor }, 200);
    })
    .openapi(getRoute, async (c) => {
      const review = await deps.reviews.get(c.req.valid('param').id);
      if (!review) throw new NotFound('no review with this id');
      return c.json((await withTexts(deps, [review]))[0]!, 200);
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
        return c.json({ review: (await withTexts(deps, [decided]))[0]!, answer }, 200);
      } catch (err) {
        await deps.reviews.release(id);
        throw err;
      }
    });
}
