import type { ChildProcess } from 'node:child_process';
import { describe, expect, it, onTestFinished } from 'vitest';
import { block, uniqueProgram } from '../support/blocks.js';
import { finished, spawnNof1 } from '../support/cli.js';
import { freePort } from '../support/free-port.js';
import { heldPost } from '../support/held-request.js';
import { KEY_SPEC, KEYS, startTestService } from '../support/service.js';
import { tempDir } from '../support/temp-dir.js';

const auth = { authorization: `Bearer ${KEYS.strategist}` };
const importBody = (program: string, n: number) =>
  JSON.stringify({ blocks: Array.from({ length: n }, () => block({ program })) });
const idsOf = (body: string) => (JSON.parse(body) as { blocks: Array<{ id: string }> }).blocks.map((b) => b.id);

/** Every JSON log line the child has written so far, and waits for lines with a message. */
function logLines(child: ChildProcess) {
  const lines: Array<Record<string, unknown>> = [];
  // Each pending wait: true once it is answered. Workers and the primary write through separate pipes,
  // so a worker's line may arrive after the primary's line that follows it.
  let waiting: Array<() => boolean> = [];
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const parts = (buffered + chunk).split('\n');
    buffered = parts.pop() ?? '';
    for (const part of parts) {
      if (!part.startsWith('{')) continue;
      lines.push(JSON.parse(part) as Record<string, unknown>);
      waiting = waiting.filter((answered) => !answered());
    }
  });
  /** The first `n` lines with this message, once the child has written them. */
  const atLeast = (msg: string, n: number) =>
    new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
      const answered = () => {
        const found = lines.filter((l) => l.msg === msg);
        if (found.length < n) return false;
        resolve(found.slice(0, n));
        return true;
      };
      if (answered()) return;
      waiting.push(answered);
      child.once('exit', (code) => reject(new Error(`nof1 exited (${code}) before logging "${msg}" ${n} times`)));
    });
  const next = async (msg: string) => (await atLeast(msg, 1))[0]!;
  return { lines, next, atLeast };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('graceful shutdown of nof1 serve --workers 2', () => {
  it('on SIGTERM every worker finishes its in-flight requests, all processes exit, the primary with 0', async () => {
    const dataDir = await tempDir();
    const port = await freePort();
    const child = spawnNof1(['serve', '--workers', '2'], {
      PORT: String(port),
      NOF1_DATA_DIR: dataDir,
      NOF1_API_KEYS: KEY_SPEC,
      LOG_LEVEL: 'info',
    });
    const exit = finished(child);
    onTestFinished(() => void (child.exitCode === null && child.kill('SIGKILL')));
    const log = logLines(child);
    await log.next('nof1 workers listening');
    const workerPids = (await log.atLeast('nof1 listening', 2)).map((l) => l.pid as number);
    expect(new Set(workerPids).size).toBe(2);

    const url = `http://127.0.0.1:${port}/v1/content/import`;
    const program = uniqueProgram('workers-sigterm');
    // Separate connections: dealt to both workers in turn.
    const held = [importBody(program, 30), importBody(program, 30), importBody(program, 30)].map((body) => ({
      body,
      ...heldPost(url, auth, body),
    }));
    await Promise.all(held.map((h) => h.accepted));

    child.kill('SIGTERM');
    await log.next('shutting down');
    for (const h of held) h.release();
    const answers = await Promise.all(held.map((h) => h.answer));
    expect(answers.map((a) => [a.status, JSON.parse(a.body).imported])).toEqual([
      [200, 30],
      [200, 30],
      [200, 30],
    ]);

    const result = await exit;
    expect(result.code).toBe(0);
    expect(log.lines.at(-1)?.msg).toBe('nof1 stopped');
    for (const pid of workerPids) expect(alive(pid)).toBe(false);

    // The data folder was released and holds every answered import.
    const svc = await startTestService({ NOF1_DEMO: '0', NOF1_DATA_DIR: dataDir }, { workers: 1 });
    try {
      const res = await svc.call('GET', `/v1/content/blocks?program=${program}&limit=500`, { key: 'strategist' });
      expect(idsOf(await res.text()).sort()).toEqual(held.flatMap((h) => idsOf(h.body)).sort());
    } finally {
      await svc.close();
    }
  });
});
