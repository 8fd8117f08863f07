import cluster, { type Worker } from 'node:cluster';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tellWorker } from '../../src/cli/tell-worker.js';
import { tempDir } from '../support/temp-dir.js';

/** A worker that exits at its first message, as a stopping worker does. */
async function workerThatLeaves(): Promise<Worker> {
  const script = join(await tempDir(), 'leaves.cjs');
  await writeFile(script, "process.on('message', () => process.exit(0));\n");
  cluster.setupPrimary({ exec: script, execArgv: [] });
  const worker = cluster.fork();
  await once(worker, 'online');
  return worker;
}

describe('messages to a worker whose channel has closed', () => {
  it('a plain send raises an error the primary would die of', async () => {
    const worker = await workerThatLeaves();
    worker.send({ type: 'stop' });
    await once(worker, 'disconnect');
    const raised = once(worker, 'error');
    worker.send({ type: 'content-changed' });
    const [err] = await raised;
    expect((err as NodeJS.ErrnoException).code).toBe('ERR_IPC_CHANNEL_CLOSED');
  });

  it('tellWorker skips it and raises nothing', async () => {
    const worker = await workerThatLeaves();
    expect(tellWorker(worker, { type: 'stop' })).toBe(true);
    await once(worker, 'disconnect');
    const errors: unknown[] = [];
    worker.on('error', (e) => errors.push(e));
    expect(tellWorker(worker, { type: 'content-changed' })).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(errors).toEqual([]);
  });
});
