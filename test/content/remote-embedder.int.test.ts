import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDING_DIMENSIONS, hashEmbed } from '../../src/content/embedder.js';
import { block as makeBlock, uniqueProgram } from '../support/blocks.js';
import { startTestService, type TestService } from '../support/service.js';
import { tempDir } from '../support/temp-dir.js';

type EmbeddingsRequest = { model: string; input: string[] | string; dimensions?: number };

/** A local OpenAI-compatible /embeddings endpoint; `dims` lets a test make it answer the wrong size. */
async function startEmbeddingsServer() {
  const requests: EmbeddingsRequest[] = [];
  let dims = EMBEDDING_DIMENSIONS;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const parsed = JSON.parse(body) as EmbeddingsRequest;
      requests.push(parsed);
      const inputs = Array.isArray(parsed.input) ? parsed.input : [parsed.input];
      const data = inputs.map((text, index) => ({ object: 'embedding', index, embedding: hashEmbed(text, dims) }));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ object: 'list', data, model: parsed.model, usage: { prompt_tokens: 1, total_tokens: 1 } }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    answerDimensions(n: number) {
      dims = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('an OpenAI-compatible embeddings endpoint (NOF1_EMBEDDINGS_BASE_URL)', () => {
  let embeddings: Awaited<ReturnType<typeof startEmbeddingsServer>>;
  let svc: TestService;

  beforeAll(async () => {
    embeddings = await startEmbeddingsServer();
    svc = await startTestService({
      NOF1_DEMO: '0',
      NOF1_EMBEDDINGS_BASE_URL: embeddings.url,
      NOF1_EMBEDDINGS_MODEL: 'test-embed',
      NOF1_MODEL_MAX_RETRIES: '0',
    });
  });
  afterAll(async () => {
    await svc?.close();
    await embeddings?.close();
  });

  it('embeds imported blocks and queries through the endpoint, asking for the store’s dimension', async () => {
    const program = uniqueProgram('remote-embed');
    const blocks = [
      makeBlock({ id: `${program}-copay`, program, text: 'Our copay card can lower what you pay each month.' }),
      makeBlock({ id: `${program}-pen`, program, text: 'Hold the pen against your skin for ten seconds.' }),
    ];
    const imported = await svc.call('POST', '/v1/content/import', { key: 'strategist', body: { blocks } });
    expect(imported.status).toBe(200);
    const before = embeddings.requests.length;
    const res = await svc.call('GET', `/v1/content/blocks?program=${program}&q=lower%20my%20copay%20cost`, {
      key: 'strategist',
    });
    const found = (await res.json()) as { blocks: Array<{ id: string }> };
    expect(found.blocks[0]?.id).toBe(`${program}-copay`);
    expect(embeddings.requests.length).toBe(before + 1);
    const texts = embeddings.requests.flatMap((r) => (Array.isArray(r.input) ? r.input : [r.input]));
    expect(texts).toContain('Our copay card can lower what you pay each month.');
    expect(embeddings.requests.every((r) => r.model === 'test-embed' && r.dimensions === EMBEDDING_DIMENSIONS)).toBe(
      true,
    );
  });

  it('answers 503 problem+json, and imports nothing, when the endpoint gives vectors of the wrong size', async () => {
    embeddings.answerDimensions(12);
    const program = uniqueProgram('remote-embed-bad');
    const res = await svc.call('POST', '/v1/content/import', {
      key: 'strategist',
      body: { blocks: [makeBlock({ id: `${program}-1`, program })] },
    });
    embeddings.answerDimensions(EMBEDDING_DIMENSIONS);
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    // Nothing imported: the programme has no block, so naming it is a 422 (an unknown programme).
    const listed = await svc.call('GET', `/v1/content/blocks?program=${program}`, { key: 'strategist' });
    expect(listed.status).toBe(422);
  });
});

describe('switching embedders on a data folder', () => {
  it('re-embeds blocks written by the offline embedder when the service restarts with an endpoint', async () => {
    const dataDir = await tempDir();
    const program = uniqueProgram('reembed');
    const text = 'Ask your pharmacist to transfer the prescription to home delivery.';
    const first = await startTestService({ NOF1_DATA_DIR: dataDir, NOF1_DEMO: '0' });
    try {
      const res = await first.call('POST', '/v1/content/import', {
        key: 'strategist',
        body: { blocks: [makeBlock({ id: `${program}-1`, program, text })] },
      });
      expect(res.status).toBe(200);
    } finally {
      await first.close();
    }
    const embeddings = await startEmbeddingsServer();
    const second = await startTestService({
      NOF1_DATA_DIR: dataDir,
      NOF1_DEMO: '0',
      NOF1_EMBEDDINGS_BASE_URL: embeddings.url,
    });
    try {
      const embedded = embeddings.requests.flatMap((r) => (Array.isArray(r.input) ? r.input : [r.input]));
      expect(embedded).toContain(text);
      const found = await second.call('GET', `/v1/content/blocks?program=${program}&q=home%20delivery`, {
        key: 'strategist',
      });
      expect(((await found.json()) as { blocks: Array<{ id: string }> }).blocks.map((b) => b.id)).toEqual([
        `${program}-1`,
      ]);
    } finally {
      await second.close();
      await embeddings.close();
    }
  });
});
