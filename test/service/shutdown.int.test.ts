import { describe, expect, it, onTestFinished } from 'vitest';
import { block, uniqueProgram } from '../support/blocks.js';
import { logLine } from '../support/child-service.js';
import { finished, spawnNof1 } from '../support/cli.js';
import { freePort } from '../support/free-port.js';
import { heldPost } from '../support/held-request.js';
import { KEY_SPEC, KEYS, startTestService } from '../support/service.js';
import { tempDir } from '../support/temp-dir.js';

const auth = { authorization: `Bearer ${KEYS.strategist}` };
const importBody = (program: string, n: number) =>
  JSON.stringify({ blocks: Array.from({ length: n }, () => block({ program })) });
const idsOf = (body: string) => (JSON.parse(body) as { blocks: Array<{ id: string }> }).blocks.map((b) => b.id);

async function listedIds(dataDir: string, program: string) {
  const svc = await startTestService({ NOF1_DEMO: '0', NOF1_DATA_DIR: dataDir });
  try {
    const res = await svc.call('GET', `/v1/content/blocks?program=${program}&limit=500`, { key: 'strategist' });
    return idsOf(await res.text()).sort();
  } finally {
    await svc.close();
  }
}

describe('graceful shutdown', () => {
  it('on SIGTERM finishes in-flight imports, exits 0 and loses no committed block', async () => {
    const dataDir = await tempDir();
    const port = await freePort();
    const child = spawnNof1(['serve'], {
      PORT: String(port),
      NOF1_DATA_DIR: dataDir,
      NOF1_API_KEYS: KEY_SPEC,
      LOG_LEVEL: 'info',
    });
    const exit = finished(child);
    onTestFinished(() => void (child.exitCode === null && child.kill('SIGKILL')));
    await logLine(child, 'nof1 listening');
    const url = `http://127.0.0.1:${port}/v1/content/import`;

    const program = uniqueProgram('sigterm');
    const post = (body: string) =>
      fetch(url, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body });
    const first = importBody(program, 5);
    expect((await post(first)).status).toBe(200);
    const held = [importBody(program, 40), importBody(program, 40)].map((body) => ({
      body,
      ...heldPost(url, auth, body),
    }));
    await Promise.all(held.map((h) => h.accepted));

    child.kill('SIGTERM');
    await logLine(child, 'shutting down');
    // Sent after shutdown began: refused, or if the listener had not closed yet, answered and kept.
    const late = importBody(program, 1);
    const lateStatus = post(late).then(
      (res) => res.status,
      () => 'refused' as const,
    );
    for (const h of held) h.release();
    const answers = await Promise.all(held.map((h) => h.answer));
    expect(answers.map((a) => [a.status, JSON.parse(a.body).imported])).toEqual([
      [200, 40],
      [200, 40],
    ]);

    const result = await exit;
    // The service's own last words, so that an exit under load says why.
    expect(result.code, `${result.stdout}\n${result.stderr}`.slice(-4000)).toBe(0);
    expect(result.stdout).toContain('"msg":"nof1 stopped"');
    const answered200 = [first, ...held.map((h) => h.body), ...((await lateStatus) === 200 ? [late] : [])];
    const committed = answered200.flatMap(idsOf).sort();
    expect(await listedIds(dataDir, program)).toEqual(committed);
  });

  it('service.close() waits for an in-flight request and keeps its import', async () => {
    const dataDir = await tempDir();
    const svc = await startTestService({ NOF1_DEMO: '0', NOF1_DATA_DIR: dataDir });
    const program = uniqueProgram('close');
    const body = importBody(program, 25);
    const inFlight = heldPost(`${svc.url}/v1/content/import`, auth, body);
    await inFlight.accepted;

    const order: string[] = [];
    const closed = svc.close().then(() => order.push('closed'));
    inFlight.release();
    const answer = await inFlight.answer;
    order.push('answered');
    await closed;

    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ imported: 25, rejected: [] });
    expect(order).toEqual(['answered', 'closed']);
    expect(await listedIds(dataDir, program)).toEqual(idsOf(body).sort());
  });
});
