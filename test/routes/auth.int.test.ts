import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { block, uniqueProgram } from '../support/blocks.js';
import { expectProblem } from '../support/problem.js';
import { KEYS, type KeyName, startTestService, type TestService } from '../support/service.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService({ NOF1_DEMO: '0' });
});
afterAll(() => svc?.close());

const importBody = () => ({ blocks: [block({ program: uniqueProgram('auth') })] });
const raw = (path: string, headers: Record<string, string> = {}) => fetch(`${svc.url}${path}`, { headers });

describe('bearer keys', () => {
  it('answers 401 problem+json without a key', async () => {
    const list = await svc.call('GET', '/v1/content/blocks', { key: null });
    expect((await expectProblem(list, 401)).title).toBe('Unauthorized');
    await expectProblem(await svc.call('POST', '/v1/content/import', { key: null, body: importBody() }), 401);
  });

  it('answers 401 to an unknown key', async () => {
    const res = await raw('/v1/content/blocks', { authorization: 'Bearer not-a-known-key-0001' });
    await expectProblem(res, 401);
  });

  it('names the scheme it wants on every 401 (WWW-Authenticate, RFC 9110), and only there', async () => {
    const sent: Array<Record<string, string>> = [{}, { authorization: 'Bearer not-a-known-key-0001' }];
    for (const headers of sent) {
      const res = await raw('/v1/content/blocks', headers);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="nof1"/);
    }
    const forbidden = await raw('/v1/messages/msg_none', { authorization: `Bearer ${KEYS.strategist}` });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('www-authenticate')).toBeNull();
  });

  it.each([
    ['a Basic scheme', `Basic ${KEYS.admin}`],
    ['a bare key', KEYS.admin],
    ['an empty bearer', 'Bearer '],
    ['two tokens', `Bearer ${KEYS.admin} extra`],
  ])('answers 401 to a malformed header: %s', async (_name, header) => {
    await expectProblem(await raw('/v1/content/blocks', { authorization: header }), 401);
  });

  it('checks the key before the body, so a bad body without a key is still 401', async () => {
    const res = await svc.call('POST', '/v1/content/import', { key: null, body: '{not json' });
    await expectProblem(res, 401);
  });
});

describe('roles', () => {
  it.each(['client', 'reviewer'] as const)('answers 403 to a %s key on content import and list', async (key) => {
    const imp = await svc.call('POST', '/v1/content/import', { key, body: importBody() });
    expect((await expectProblem(imp, 403)).detail).toMatch(/strategist/);
    await expectProblem(await svc.call('GET', '/v1/content/blocks', { key }), 403);
  });

  it.each(['strategist', 'admin'] as KeyName[])('lets a %s key import and list content', async (key) => {
    const body = importBody();
    const imp = await svc.call('POST', '/v1/content/import', { key, body });
    expect(imp.status).toBe(200);
    expect(await imp.json()).toMatchObject({ imported: 1, rejected: [] });
    const list = await svc.call('GET', `/v1/content/blocks?program=${body.blocks[0]!.program}`, { key });
    expect(list.status).toBe(200);
    expect((await list.json()) as unknown).toMatchObject({ count: 1, blocks: [{ id: body.blocks[0]!.id }] });
  });
});

describe('open routes', () => {
  it('serves /healthz without a key', async () => {
    const res = await raw('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('serves /openapi.json without a key', async () => {
    const res = await raw('/openapi.json');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { openapi: string }).openapi).toMatch(/^3\.1/);
  });

  it('answers an unknown route with a 404 problem', async () => {
    await expectProblem(await svc.call('GET', '/v1/nothing-here'), 404);
    await expectProblem(await raw('/nothing-here'), 404);
  });
});

describe('request ids', () => {
  it('puts a distinct x-request-id on every answer, success or error', async () => {
    const answers = await Promise.all([
      raw('/healthz'),
      raw('/openapi.json'),
      svc.call('GET', '/v1/content/blocks', { key: 'strategist' }),
      svc.call('GET', '/v1/content/blocks', { key: null }),
      svc.call('GET', '/v1/content/blocks', { key: 'client' }),
      svc.call('POST', '/v1/content/import', { key: 'strategist', body: '{' }),
      raw('/nothing-here'),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 401, 403, 400, 404]);
    const ids = answers.map((r) => r.headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(/\S{8,}/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names the request id in a problem body', async () => {
    const res = await svc.call('GET', '/v1/content/blocks', { key: null });
    const body = (await res.json()) as { instance?: string };
    expect(body.instance).toBe(res.headers.get('x-request-id'));
  });
});
