import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { zodErrors } from '../content/validate-blocks.js';
import { type FieldError, Invalid } from '../domain/errors.js';
import { createRedactor } from '../privacy/redact.js';

// A validation message can quote the client's own keys ("Unrecognized key: ..."), which may be personal data.
const redactor = createRedactor();
const redacted = (errors: FieldError[]) =>
  errors.map((e) => ({ path: redactor.text(e.path), message: redactor.text(e.message) }));

/** Every sub-app validates with zod and turns a failure into the one problem+json 400. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success)
        throw new Invalid(`the request ${result.target} is not valid`, redacted(zodErrors(result.error)));
    },
  });
}
