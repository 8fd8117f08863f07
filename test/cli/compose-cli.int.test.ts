import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ComposeAnswer } from '../../src/domain/compose.js';
import { runNof1 } from '../support/cli.js';
import { composeRequest, demoBlocks } from '../support/compose-fixtures.js';
import { tempDir } from '../support/temp-dir.js';

/** A temp data folder holding `req.json` with the given request. */
async function requestFile(request: unknown) {
  const dataDir = await tempDir();
  const file = join(dataDir, 'req.json');
  await writeFile(file, typeof request === 'string' ? request : JSON.stringify(request));
  return { dataDir, file };
}

describe('nof1 compose --file', { timeout: 180_000 }, () => {
  it('prints the JSON answer and exits 0', async () => {
    const { dataDir, file } = await requestFile(composeRequest({ subject: 'cli-subject-1' }));
    const run = await runNof1(['compose', '--file', file], { NOF1_DATA_DIR: join(dataDir, 'store'), NOF1_DEMO: '1' });
    expect(run.code, run.stderr).toBe(0);
    const answer = JSON.parse(run.stdout) as ComposeAnswer;
    expect(answer).toMatchObject({ id: expect.stringMatching(/^msg_/), status: 'approved' });
    expect(answer.diagnosis!.barrier).toBe('cost');
    const library = await demoBlocks();
    for (const b of answer.message!.blocks) expect(library.has(b.id)).toBe(true);
    expect(answer.compliance.verdict).toBe('pass');
  });

  it('exits 2 (usage) and names the file when it does not exist', async () => {
    const dataDir = await tempDir();
    const missing = join(dataDir, 'nope.json');
    const run = await runNof1(['compose', '--file', missing], { NOF1_DATA_DIR: join(dataDir, 'store') });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('nope.json');
  });

  it('exits 2 with the path of the bad field for an invalid request', async () => {
    const bad = { ...composeRequest(), channel: 'fax', subject: { id: 'cli-2', audience: 'Patient!' } };
    const { dataDir, file } = await requestFile(bad);
    const run = await runNof1(['compose', '--file', file], { NOF1_DATA_DIR: join(dataDir, 'store') });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^\s*channel: /m);
    expect(run.stderr).toMatch(/^\s*subject\.audience: /m);
  });
});
