type Operation = {
  operationId?: string;
  requestBody?: unknown;
  responses?: Record<string, unknown>;
};
type Document = { paths?: Record<string, Record<string, Operation> | undefined>; webhooks?: object };

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/** `post /v1/reviews/{id}/decision` → `postV1ReviewsIdDecision`, for a route that names no operationId. */
function derivedId(method: string, path: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return [method, ...words].map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
}

// Problem is a named component already: every authenticated route lists it for 400, 401 and 403.
const unsupportedMediaType = {
  description: 'The body is not application/json.',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

/**
 * What the generator cannot know from one route at a time: a body limit (413) and a media type (415) only
 * concern operations that take a body; every operation has an id; an empty `webhooks` is left out.
 */
export function finishDocument<T extends object>(generated: T): T {
  const doc = generated as Document;
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(methods ?? {})) {
      if (!METHODS.has(method)) continue;
      op.operationId ??= derivedId(method, path);
      if (!op.responses) continue;
      if (op.requestBody) op.responses['415'] ??= unsupportedMediaType;
      else delete op.responses['413'];
    }
  }
  if (doc.webhooks && Object.keys(doc.webhooks).length === 0) delete doc.webhooks;
  return generated;
}
