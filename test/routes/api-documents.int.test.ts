import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComposeRequest } from '../../src/domain/compose.js';
import { startTestService, type TestService } from '../support/service.js';

type Operation = {
  operationId?: string;
  requestBody?: { content: Record<string, { example?: unknown }> };
  responses: Record<string, { content?: Record<string, unknown> }>;
};
type Doc = { paths: Record<string, Record<string, Operation>>; webhooks?: unknown };

let svc: TestService;
let doc: Doc;
const operations = () =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );

beforeAll(async () => {
  svc = await startTestService();
  doc = (await (await fetch(`${svc.url}/openapi.json`)).json()) as Doc;
});
afterAll(async () => {
  await svc?.close();
});

describe('/openapi.json', () => {
  it('gives every operation a unique operationId', () => {
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z0-9]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/v1/compose']?.post?.operationId).toBe('compose');
    expect(doc.paths['/v1/reviews/{id}/decision']?.post?.operationId).toBe('decideReview');
  });

  it('documents 413 and 415 only where a body is taken, and no empty webhooks', () => {
    for (const { path, method, op } of operations()) {
      const where = `${method} ${path}`;
      if (op.requestBody) {
        expect(op.responses['413'], where).toBeDefined();
        expect(op.responses['415'], where).toBeDefined();
      } else {
        expect(op.responses['413'], where).toBeUndefined();
        expect(op.responses['415'], where).toBeUndefined();
      }
    }
    expect(doc.webhooks).toBeUndefined();
  });

  it('describes ?stream=1 as text/event-stream and shows a compose example that is a valid request', () => {
    const compose = doc.paths['/v1/compose']!.post!;
    expect(Object.keys(compose.responses['200']!.content!)).toEqual(['application/json', 'text/event-stream']);
    const example = compose.requestBody!.content['application/json']!.example;
    expect(ComposeRequest.safeParse(example).success).toBe(true);
  });

  it('answers 415 as documented when the body is not JSON', async () => {
    const res = await svc.call('POST', '/v1/compose', {
      key: 'client',
      body: 'x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});

describe('examples/', () => {
  it('holds request files that are valid compose requests', async () => {
    for (const name of ['compose-cost.json', 'compose-held.json']) {
      const parsed = ComposeRequest.safeParse(JSON.parse(await readFile(`examples/${name}`, 'utf8')));
      expect(parsed.success, name).toBe(true);
    }
  });
});

describe('pages for people', () => {
  it('GET / links the docs, the console, health and metrics', async () => {
    const res = await fetch(`${svc.url}/`);
    expect(res.status).toBe(200);
    const page = await res.text();
    for (const href of ['/docs', '/review', '/healthz', '/openapi.json', '/metrics'])
      expect(page).toContain(`href="${href}"`);
    const json = (await (await fetch(`${svc.url}/`, { headers: { accept: 'application/json' } })).json()) as {
      links: Array<{ rel: string; href: string }>;
    };
    expect(json.links.map((l) => l.rel)).toEqual(['docs', 'openapi', 'console', 'health', 'metrics']);
  });

  it('/docs shows code as code, never literal backticks in its prose', async () => {
    const page = await (await fetch(`${svc.url}/docs`)).text();
    // The <pre> blocks are the schemas' JSON as generated, quoted verbatim.
    expect(page.replace(/<pre>[\s\S]*?<\/pre>/g, '')).not.toContain('`');
    expect(page).toContain('<code>?stream=1</code>');
  });
});
