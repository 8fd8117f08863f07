import { z } from '@hono/zod-openapi';

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});

/** The error answers every authenticated route can give. */
export const authProblems = {
  400: problem('The request is malformed or invalid.'),
  401: problem('No valid bearer key.'),
  403: problem('The key lacks the role this route needs.'),
  413: problem('The body is too large.'),
  429: problem('Over a rate limit, or too many unknown keys from this address; Retry-After says when to retry.'),
};
export const notFoundProblem = { 404: problem('Not found.') };
export const conflictProblem = { 409: problem('Conflict with the current state.') };
export const unknownProgramProblem = {
  422: problem('The programme named is not one the content library has blocks for; the detail lists the known ones.'),
};
