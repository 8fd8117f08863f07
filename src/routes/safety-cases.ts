import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/require-role.js';
import { Conflict, NotFound } from '../domain/errors.js';
import { CASE_ACTIONS, CASE_KINDS, CASE_STATUSES } from '../domain/safety.js';
import { createRedactor } from '../privacy/redact.js';
import { ImpossibleTransition, type SafetyCase, type SafetyCasesRepo } from '../store/safety-cases-repo.js';
import { decodeCursor, pageOf } from './cursor.js';
import { createRouter } from './openapi-hono.js';
import { authProblems, conflictProblem, notFoundProblem } from './problem-schema.js';

const CaseEvent = z
  .object({
    at: z.string(),
    by: z.string().openapi({ description: "The acting key's name; `nof1` for the run that opened the case." }),
    action: z.string().openapi({ description: 'opened, acknowledge, report or close' }),
    note: z.string().nullable(),
    reference: z.string().nullable().optional(),
  })
  .openapi('SafetyCaseEvent');

const Case = z
  .object({
    id: z.string(),
    kind: z.enum(CASE_KINDS),
    status: z.enum(CASE_STATUSES),
    runId: z.string(),
    subjectRef: z.string().openapi({ description: 'The pseudonymous subject id; kept through erasure.' }),
    program: z.string(),
    product: z.string().nullable(),
    detectedAt: z.string(),
    dueBy: z.string(),
    overdue: z.boolean().openapi({ description: 'Past dueBy and not yet reported or closed.' }),
    narrative: z.string().openapi({
      description: "The subject's words about the event, direct identifiers redacted, medical facts kept.",
    }),
    signals: z.array(z.number().int()).openapi({ description: 'Indexes of the signals the narrative comes from.' }),
    history: z.array(CaseEvent),
  })
  .openapi('SafetyCase');

const toCase = ({ createdMicros: _, ...c }: SafetyCase) => c;
const secured = { tags: ['safety'], security: [{ bearer: [] }], middleware: requireRole('safety') };
const idParam = z.object({ id: z.string().min(1).max(100) });

const listRoute = createRoute({
  method: 'get',
  operationId: 'listSafetyCases',
  path: '/',
  summary: 'Safety cases (adverse events, product complaints, medical-information requests), newest first.',
  ...secured,
  request: {
    query: z.object({
      status: z.enum(CASE_STATUSES).optional(),
      kind: z.enum(CASE_KINDS).optional(),
      runId: z.string().min(1).max(100).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      cursor: z.string().max(200).optional(),
    }),
  },
  responses: {
    200: {
      description: 'Cases and the cursor of the next page.',
      content: {
        'application/json': { schema: z.object({ cases: z.array(Case), nextCursor: z.string().nullable() }) },
      },
    },
    ...authProblems,
  },
});

const getRoute = createRoute({
  method: 'get',
  operationId: 'getSafetyCase',
  path: '/{id}',
  summary: 'One safety case with its narrative and history.',
  ...secured,
  request: { params: idParam },
  responses: {
    200: { description: 'The case.', content: { 'application/json': { schema: Case } } },
    ...authProblems,
    ...notFoundProblem,
  },
});

const transitionRoute = createRoute({
  method: 'post',
  operationId: 'transitionSafetyCase',
  path: '/{id}/transition',
  summary:
    'Acknowledge (from open), report (from open or acknowledged) or close (from acknowledged or reported) a case; anything else is a 409.',
  ...secured,
  request: {
    params: idParam,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.strictObject({
            action: z.enum(CASE_ACTIONS),
            note: z.string().max(2000).optional(),
            reference: z
              .string()
              .max(200)
              .regex(/^[A-Za-z0-9][A-Za-z0-9 ._:/#-]*$/, 'letters, digits and . _ : / # - only')
              .optional()
              .openapi({ description: 'The report’s reference (e.g. the safety database case number).' }),
          }),
          example: { action: 'report', note: 'Sent to pharmacovigilance', reference: 'PV-2026-00412' },
        },
      },
    },
  },
  responses: {
    200: { description: 'The case after the transition.', content: { 'application/json': { schema: Case } } },
    ...authProblems,
    ...notFoundProblem,
    ...conflictProblem,
  },
});

// An officer's note is kept in the case history: personal data in it is redacted like every free text.
const redactor = createRedactor();
const clean = (text: string | undefined) => (text?.trim() ? redactor.text(text.trim()) : null);

export function safetyCaseRoutes(deps: { safetyCases: SafetyCasesRepo }) {
  return createRouter()
    .openapi(listRoute, async (c) => {
      const q = c.req.valid('query');
      const filter = { status: q.status, kind: q.kind, runId: q.runId };
      const rows = await deps.safetyCases.list(filter, q.limit + 1, decodeCursor(q.cursor));
      const { page, nextCursor } = pageOf(rows, q.limit, (r) => ({ at: r.createdMicros, id: r.id }));
      return c.json({ cases: page.map(toCase), nextCursor }, 200);
    })
    .openapi(getRoute, async (c) => {
      const found = await deps.safetyCases.get(c.req.valid('param').id);
      if (!found) throw new NotFound('no safety case with this id');
      return c.json(toCase(found), 200);
    })
    .openapi(transitionRoute, async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      // A reference is an identifier of the report (letters and digits only), never personal text: kept as given.
      const entry = { by: c.get('principal'), note: clean(body.note), reference: body.reference?.trim() || null };
      let moved: SafetyCase | undefined;
      try {
        moved = await deps.safetyCases.transition(id, body.action, entry);
      } catch (err) {
        if (err instanceof ImpossibleTransition) throw new Conflict(err.message);
        throw err;
      }
      if (!moved) throw new NotFound('no safety case with this id');
      c.get('logger').info({ caseId: id, action: body.action, status: moved.status }, 'safety case moved');
      return c.json(toCase(moved), 200);
    });
}
