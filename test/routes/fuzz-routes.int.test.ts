import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, startTestService, type TestService } from '../support/service.js';

let svc: TestService;
type Operation = { method: string; path: string; query: string[]; body: string[] | null };
const operations: Operation[] = [];

// Personal values a fuzzed request carries: no error answer may repeat them.
const PERSONAL = ['jane.roe@example.com', '123-45-6789', '(555) 010-7788'];
const HOSTILE_TEXT = [
  ...PERSONAL,
  'a\u0000b',
  '\u0000',
  'x\ud800',
  '\udfff',
  '2026-02-30',
  '-1',
  '1e309',
  'NaN',
  "' OR 1=1 --",
  '../../etc/passwd',
  '%00',
  '\u202eevil',
  'x'.repeat(5000),
  `${'['.repeat(3000)}${']'.repeat(3000)}`,
];

type Schema = { $ref?: string; properties?: Record<string, unknown>; allOf?: Schema[] };

/** The top-level field names of a request body schema, following one $ref. */
function bodyFields(doc: { components?: { schemas?: Record<string, Schema> } }, schema: Schema | undefined): string[] {
  const resolved = schema?.$ref ? doc.components?.schemas?.[schema.$ref.split('/').at(-1)!] : schema;
  return Object.keys(resolved?.properties ?? {});
}

beforeAll(async () => {
  svc = await startTestService({ LOG_LEVEL: 'silent' });
  const doc = (await (await svc.call('GET', '/openapi.json', { key: null })).json()) as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
    components?: { schemas?: Record<string, Schema> };
  };
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = (op.parameters ?? []) as Array<{ in: string; name: string }>;
      const body = op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined;
      operations.push({
        method: method.toUpperCase(),
        path,
        query: params.filter((p) => p.in === 'query').map((p) => p.name),
        body: body ? bodyFields(doc, body.content?.['application/json']?.schema) : null,
      });
    }
  }
});
afterAll(() => svc?.close());

/** Percent-encodes any string, lone surrogates included (as UTF-8 encodes them, U+FFFD). */
const encode = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

const text = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ maxLength: 12 }),
);
// Paths, queries and headers stay within what an HTTP server reads at all (Node refuses 16 KB of
// headers before the service sees them).
const short = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT.filter((t) => t.length < 100)),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ maxLength: 12 }),
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
  fc.dictionary(text, text, { maxKeys: 3 }),
);

function request(op: Operation) {
  const fields = op.body ?? [];
  const body = fc.oneof(
    fc
      .dictionary(fields.length ? fc.oneof(fc.constantFrom(...fields), text) : text, value, { maxKeys: 5 })
      .map((o) => JSON.stringify(o)),
    fc.constantFrom(
      '{',
      '[]',
      'null',
      '"x"',
      '{"a":"\\u0000"}',
      '{"a":"\\ud800"}',
      `${'{"a":'.repeat(4000)}1${'}'.repeat(4000)}`,
    ),
  );
  return fc.record({
    params: fc.array(short, { minLength: 4, maxLength: 4 }),
    query: fc.dictionary(fc.oneof(fc.constantFrom(...op.query, 'cursor', 'limit'), short), short, { maxKeys: 4 }),
    body: op.body ? body : fc.constant(undefined),
    contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', undefined),
    idempotencyKey: fc.option(short, { nil: undefined }),
    key: fc.constantFrom<keyof typeof KEYS | 'bogus' | null>('admin', 'admin', 'admin', 'client', 'bogus', null),
  });
}

describe('every route, fuzzed from the OpenAPI document', () => {
  it('answers hostile params, queries, bodies and headers without a 5xx; every 4xx is problem+json and echoes nothing personal', async () => {
    expect(operations.length).toBeGreaterThan(15);
    const cases = fc.constantFrom(...operations).chain((op) => request(op).map((r) => ({ op, ...r })));
    await fc.assert(
      fc.asyncProperty(cases, async ({ op, params, query, body, contentType, idempotencyKey, key }) => {
        let i = 0;
        const path = op.path.replace(/\{[^}]+\}/g, () => encode(params[i++ % params.length]!));
        const search = Object.entries(query)
          .map(([k, v]) => `${encode(k)}=${encode(v)}`)
          .join('&');
        const headers: Record<string, string> = {};
        if (key) headers.authorization = `Bearer ${key === 'bogus' ? 'not-a-key-at-all' : KEYS[key]}`;
        if (contentType && body !== undefined) headers['content-type'] = contentType;
        if (idempotencyKey !== undefined) headers['idempotency-key'] = encode(idempotencyKey).slice(0, 300);
        const res = await fetch(`${svc.url}${path}${search ? `?${search}` : ''}`, { method: op.method, headers, body });
        const answer = await res.text();
        const where = `${op.method} ${op.path} → ${res.status}`;
        expect(res.status, where).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.headers.get('content-type'), where).toMatch(/^application\/problem\+json/);
          expect(JSON.parse(answer).status, where).toBe(res.status);
          for (const secret of PERSONAL) expect(answer, where).not.toContain(secret);
        }
      }),
      { seed: 20_261_201, numRuns: 400 },
    );
  });
});
