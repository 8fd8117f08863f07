import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { zodErrors } from '../content/validate-blocks.js';
import { Invalid } from '../errors.js';

/** Every sub-app validates with zod and turns a failure into the one problem+json 400. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new Invalid(`the request ${result.target} is not valid`, zodErrors(result.error));
    },
  });
}
