import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNof1 } from '../support/cli.js';
import { drain, expectOk, LOOP_PROGRAM, refillEvents, setUpLoop } from '../support/loop-setup.js';
import { KEYS, startTestService, type TestService } from '../support/service.js';
import { tempDir } from '../support/temp-dir.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService({ NOF1_JOBS: '0' });
  await setUpLoop(svc, { subjects: ['pt-cli-1', 'pt-cli-2'] });
});
afterAll(() => svc?.close());

describe('nof1 events import and nof1 outbox tail', { timeout: 120_000 }, () => {
  it('imports JSONL over HTTP, reports duplicates and rejected lines by number, exits 3 on rejections', async () => {
    const dir = await tempDir();
    const file = join(dir, 'events.jsonl');
    const lines = [...refillEvents(['pt-cli-1'], 'j'), ...refillEvents(['pt-cli-1'], 'j')].map((e) =>
      JSON.stringify(e),
    );
    await writeFile(file, [...lines, '{not json', ''].join('\n'));
    const run = await runNof1(['events', 'import', file, '--url', svc.url, '--key', KEYS.client]);
    expect(run.stdout).toContain('accepted 2, duplicates 2, rejected 1');
    expect(run.stderr).toContain('rejected line 5');
    expect(run.code).toBe(3);
  });

  it('imports CSV into the store directly when no --url is given', async () => {
    const dir = await tempDir();
    const file = join(dir, 'events.csv');
    await writeFile(
      file,
      [
        'id,subject,anonymousId,program,type,at,data',
        `c-1,pt-cli-2,,${LOOP_PROGRAM},dose_logged,2026-11-20T10:00:00Z,"{""dose"": 1}"`,
        `c-2,,visitor-1,${LOOP_PROGRAM},page_view,2026-11-20T10:00:00Z,"{""topic"": ""cost""}"`,
      ].join('\n'),
    );
    const run = await runNof1(['events', 'import', file], { NOF1_DATA_DIR: join(dir, 'store') });
    expect(run.stdout, run.stderr).toContain('accepted 2, duplicates 0, rejected 0');
    expect(run.code).toBe(0);
  });

  it('prints outbox entries as JSON lines from a cursor', async () => {
    await expectOk(
      svc.call('POST', '/v1/events', { key: 'client', body: { events: refillEvents(['pt-cli-2'], 't') } }),
      202,
    );
    await drain(svc);
    const run = await runNof1(['outbox', 'tail', '--url', svc.url, '--key', KEYS.client, '--once']);
    expect(run.code, run.stderr).toBe(0);
    const entries = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { runId: string; subjectId: string });
    expect(entries.map((e) => e.subjectId)).toContain('pt-cli-2');
    const last = entries.at(-1)!;
    const after = await runNof1([
      'outbox',
      'tail',
      '--url',
      svc.url,
      '--key',
      KEYS.client,
      '--once',
      '--after',
      String((last as unknown as { seq: number }).seq),
    ]);
    expect(after.stdout).toBe('');
  });
});
