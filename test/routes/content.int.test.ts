import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHashEmbedder } from '../../src/content/embedder.js';
import { createContentRepo } from '../../src/store/content-repo.js';
import { openStore } from '../../src/store/open-store.js';
import { block, uniqueProgram } from '../support/blocks.js';
import { expectProblem } from '../support/problem.js';
import { KEYS, startTestService, type TestService } from '../support/service.js';
import { tempDir } from '../support/temp-dir.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService({ NOF1_DEMO: '0' });
});
afterAll(() => svc?.close());

const importBlocks = async (s: TestService, blocks: unknown[]) => {
  const res = await s.call('POST', '/v1/content/import', { key: 'strategist', body: { blocks } });
  expect(res.status).toBe(200);
  return (await res.json()) as { imported: number; updated: number; unchanged: number; rejected: unknown[] };
};
const listProgram = async (s: TestService, program: string) => {
  const res = await s.call('GET', `/v1/content/blocks?program=${program}`, { key: 'strategist' });
  return ((await res.json()) as { blocks: Array<{ id: string; version: number; text: string }> }).blocks;
};

describe('malformed and oversized bodies', () => {
  it('answers malformed JSON with a 400 problem', async () => {
    const res = await svc.call('POST', '/v1/content/import', { key: 'strategist', body: '{"blocks": [' });
    await expectProblem(res, 400);
  });

  it('answers a non-JSON content type with a 400 problem', async () => {
    const res = await svc.call('POST', '/v1/content/import', {
      key: 'strategist',
      body: 'blocks=1',
      headers: { 'content-type': 'text/plain' },
    });
    await expectProblem(res, 415);
  });

  it('answers a bad query string with 400 and errors[]', async () => {
    const res = await svc.call('GET', '/v1/content/blocks?limit=many&channel=fax', { key: 'strategist' });
    const paths = (await expectProblem(res, 400)).errors?.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['limit', 'channel']));
  });

  it.each([
    ['blocks is a string', { blocks: 'LZ-1' }, 'blocks'],
    ['blocks is missing', {}, 'blocks'],
    ['the body is an array', [block()], '(root)'],
  ])('answers wrong types (%s) with 400 and errors[]', async (_name, body, path) => {
    const problem = await expectProblem(await svc.call('POST', '/v1/content/import', { key: 'strategist', body }), 400);
    expect(problem.errors).toEqual(expect.arrayContaining([{ path, message: expect.any(String) }]));
  });

  it('answers an unknown top-level field with 400', async () => {
    const body = { blocks: [block()], overwrite: true };
    const problem = await expectProblem(await svc.call('POST', '/v1/content/import', { key: 'strategist', body }), 400);
    expect(JSON.stringify(problem.errors)).toMatch(/overwrite/);
  });

  it('answers a 5 MB body with a 413 problem, never a 500', async () => {
    const body = JSON.stringify({ blocks: [block({ text: 'x'.repeat(5 * 1024 * 1024) })] });
    const res = await svc.call('POST', '/v1/content/import', { key: 'strategist', body });
    expect((await expectProblem(res, 413)).title).toBe('Payload Too Large');
    expect((await svc.call('GET', '/healthz')).status).toBe(200);
  });

  it('answers a 5 MB chunked body (no content-length) with a 413 problem', async () => {
    const mb = new TextEncoder().encode('x'.repeat(1024 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 5) controller.enqueue(mb);
        else controller.close();
      },
    });
    const res = await fetch(`${svc.url}/v1/content/import`, {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { authorization: `Bearer ${KEYS.strategist}`, 'content-type': 'application/json' },
    } as RequestInit);
    await expectProblem(res, 413);
  });
});

describe('import', () => {
  it('imports the good blocks and rejects only the bad one, with reasons', async () => {
    const program = uniqueProgram('partial');
    const good = [block({ program }), block({ program }), block({ program })];
    const bad = block({ program, channels: ['fax' as 'sms'], approval: { approvedAt: '2026-13-01' } });
    const result = await importBlocks(svc, [good[0], bad, good[1], { text: 'no id at all' }, good[2]]);
    expect(result).toMatchObject({ imported: 3, updated: 0 });
    expect(result.rejected).toEqual([
      {
        id: bad.id,
        errors: expect.arrayContaining([
          { path: 'channels.0', message: expect.any(String) },
          { path: 'approval.approvedAt', message: expect.any(String) },
        ]),
      },
      { id: null, errors: expect.arrayContaining([{ path: 'id', message: expect.any(String) }]) },
    ]);
    expect((await listProgram(svc, program)).map((b) => b.id).sort()).toEqual(good.map((b) => b.id).sort());
  });

  it('rejects a second block with the same id in one import', async () => {
    const program = uniqueProgram('dup');
    const first = block({ program });
    const result = await importBlocks(svc, [first, { ...first, text: 'A different text.' }]);
    expect(result).toMatchObject({ imported: 1, rejected: [{ id: first.id }] });
    expect((await listProgram(svc, program))[0]?.text).toBe(first.text);
  });

  it('leaves an identical re-import unchanged', async () => {
    const program = uniqueProgram('same');
    const b = block({ program });
    await importBlocks(svc, [b]);
    expect(await importBlocks(svc, [b])).toMatchObject({ imported: 0, updated: 0, unchanged: 1, rejected: [] });
    expect(await listProgram(svc, program)).toMatchObject([{ id: b.id, version: 1 }]);
  });

  it('makes a changed re-import version 2 and keeps version 1 in history', async () => {
    const dataDir = await tempDir();
    const program = uniqueProgram('versions');
    const v1 = block({ program, text: 'Version one of this support text.' });
    const v2 = { ...v1, text: 'Version two of this support text.' };
    const own = await startTestService({ NOF1_DEMO: '0', NOF1_DATA_DIR: dataDir });
    try {
      expect(await importBlocks(own, [v1])).toMatchObject({ imported: 1, updated: 0 });
      expect(await importBlocks(own, [v2])).toMatchObject({ imported: 0, updated: 1, unchanged: 0 });
      expect(await listProgram(own, program)).toMatchObject([{ id: v1.id, version: 2, text: v2.text }]);
    } finally {
      await own.close();
    }
    const store = await openStore({ dataDir });
    try {
      const history = await createContentRepo(store.pool, createHashEmbedder()).history(v1.id);
      expect(history.map((h) => [h.version, h.block.text])).toEqual([
        [1, v1.text],
        [2, v2.text],
      ]);
    } finally {
      await store.close();
    }
  });
});

describe('documentation', () => {
  it('lists the content routes in /openapi.json', async () => {
    const doc = (await (await fetch(`${svc.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.paths['/v1/content/import']?.post?.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/v1/content/blocks']?.get).toBeDefined();
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Block', 'ImportResult', 'Problem']));
  });

  it('serves a human docs page at /docs', async () => {
    const res = await fetch(`${svc.url}/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('/v1/content/import');
    expect(html).toContain('/v1/content/blocks');
  });
});
