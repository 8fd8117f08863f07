import { createRoute, z } from '@hono/zod-openapi';
import { ROLES } from '../auth/keys.js';
import { createRouter } from './openapi-hono.js';
import { authProblems } from './problem-schema.js';

const Me = z
  .object({
    name: z.string().describe('The key’s name, as decisions record it in `by`.'),
    roles: z.array(z.enum(ROLES)),
  })
  .openapi('Me');

const meRoute = createRoute({
  method: 'get',
  operationId: 'getMe',
  path: '/',
  tags: ['keys'],
  summary: 'The name and roles of the key that calls (any role).',
  security: [{ bearer: [] }],
  responses: {
    200: { description: 'Who the key is.', content: { 'application/json': { schema: Me } } },
    ...authProblems,
  },
});

export function meRoutes() {
  return createRouter().openapi(meRoute, (c) =>
    c.json({ name: c.get('principal'), roles: ROLES.filter((r) => c.get('roles').has(r)) }, 200),
  );
}
