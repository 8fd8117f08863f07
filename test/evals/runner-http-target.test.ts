import { describe, expect, it } from 'vitest';
import { CaseError } from '../../evals/runner/case-target.js';
import { createHttpTarget } from '../../evals/runner/http-target.js';
import type { ComposeRequest } from '../../src/domain/compose.js';
import { composeAnswer } from './fixtures/compose-answer.js';

const request: ComposeRequest = {
  subject: { id: 's-1', audience: 'patient', consents: { sms: true } },
  program: 'lumenzo-adherence',
  channel: 'sms',
  signals: [],
};

/** A fetch answering from a route table, recording what was asked with which key. */
function fakeFetch(routes: Record<string, () => Response>) {
  const calls: string[] = [];
  const impl = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    calls.push(
      `${init?.method ?? 'GET'} ${url.pathname}${url.search} ${new Headers(init?.headers).get('authorization')}`,
    );
    const route = Object.keys(routes).find((r) => `${init?.method ?? 'GET'} ${url.pathname}`.startsWith(r));
    return route ? routes[route]!() : new Response('{}', { status: 404 });
  }) as typeof fetch;
  return { impl, calls };
}

describe('HTTP target', () => {
  it('marks its composes as eval runs, and nothing else', async () => {
    const seen: Array<[string, string | null]> = [];
    const impl = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(String(input));
      seen.push([`${init?.method ?? 'GET'} ${url.pathname}`, new Headers(init?.headers).get('x-nof1-origin')]);
      return url.pathname === '/v1/compose' ? Response.json(composeAnswer()) : Response.json({ steps: [] });
    }) as typeof fetch;
    await createHttpTarget({ url: 'http://svc.test', key: 'k1' }, impl).compose(request);
    expect(seen).toEqual([
      ['POST /v1/compose', 'eval'],
      ['GET /v1/traces/trc_1', null],
    ]);
  });

  it('composes with the key, then reads the trace; blocks come from the content listing', async () => {
    const blocks = [{ id: 'LZ-1', kind: 'claim', requiresIsi: true, text: 't' }];
    const { impl, calls } = fakeFetch({
      'POST /v1/compose': () => Response.json(composeAnswer()),
      'GET /v1/traces/trc_1': () => Response.json({ steps: [] }),
      'GET /v1/content/blocks': () => Response.json({ blocks }),
    });
    const target = createHttpTarget({ url: 'http://svc.test/', key: 'k1' }, impl);
    const call = await target.compose(request);
    expect(call).toMatchObject({ answer: { id: 'msg_1' }, trace: { steps: [] } });
    const info = await target.blockInfo('lumenzo-adherence');
    expect(await info!(['LZ-1', 'LZ-unknown'])).toEqual(blocks);
    expect(calls).toEqual([
      'POST /v1/compose Bearer k1',
      'GET /v1/traces/trc_1 Bearer k1',
      'GET /v1/content/blocks?program=lumenzo-adherence&includeUnusable=true&limit=500&offset=0 Bearer k1',
    ]);
  });

  it("turns a refused compose into a CaseError with the problem's detail; without roles, no trace and no block facts", async () => {
    const problem = {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'the request json is not valid',
      errors: [{ path: 'channel', message: 'Invalid option' }],
    };
    const { impl } = fakeFetch({
      'POST /v1/compose': () => Response.json(problem, { status: 400 }),
      'GET /v1/content/blocks': () => new Response('{}', { status: 403 }),
    });
    const target = createHttpTarget({ url: 'http://svc.test', key: 'k' }, impl);
    const err = await target.compose(request).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CaseError);
    expect((err as Error).message).toBe(
      'POST /v1/compose answered HTTP 400: the request json is not valid; channel: Invalid option',
    );
    expect(await target.blockInfo('p')).toBeUndefined();

    const noTrace = fakeFetch({ 'POST /v1/compose': () => Response.json(composeAnswer()) });
    expect(
      (await createHttpTarget({ url: 'http://svc.test', key: 'k' }, noTrace.impl).compose(request)).trace,
    ).toBeUndefined();
  });
});
