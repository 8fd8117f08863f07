import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { MIGRATIONS } from '../../src/store/migration-list.js';
import { migrate } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open-store.js';
import { block, uniqueProgram } from '../support/blocks.js';
import { runNof1 } from '../support/cli.js';
import { startTestService } from '../support/service.js';
import { tempDir } from '../support/temp-dir.js';

const migrationRows = async (dataDir: string) => {
  const store = await openStore({ dataDir });
  try {
    const rows = await store.pool.query<{ version: number; applied_at: Date }>(
      'SELECT version, applied_at FROM schema_migrations ORDER BY version',
    );
    return { rows: rows.rows, again: await migrate(store.pool) };
  } finally {
    await store.close();
  }
};

describe('a data folder', () => {
  it('keeps imported blocks across a restart and applies migrations once', async () => {
    const dataDir = await tempDir();
    const program = uniqueProgram('restart');
    const blocks = [block({ program }), block({ program, kind: 'education' })];

    const first = await startTestService({ NOF1_DEMO: '0', NOF1_DATA_DIR: dataDir });
    try {
      const res = await first.call('POST', '/v1/content/import', { key: 'strategist', body: { blocks } });
      expect(await res.json()).toMatchObject({ imported: 2 });
    } finally {
      await first.close();
    }
    const before = await migrationRows(dataDir);
    expect(before.rows.map((r) => r.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(before.again).toEqual([]);

    const second = await startTestService({ NOF1_DEMO: '0', NOF1_DATA_DIR: dataDir });
    try {
      const res = await second.call('GET', `/v1/content/blocks?program=${program}`, { key: 'strategist' });
      const listed = ((await res.json()) as { blocks: Array<{ id: string; text: string; version: number }> }).blocks;
      const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
      const expected = blocks.map(({ id, text }) => ({ id, text, version: 1 })).sort(byId);
      expect(listed.sort(byId)).toMatchObject(expected);
      const search = await second.call('GET', `/v1/content/blocks?program=${program}&q=savings+card`, {
        key: 'strategist',
      });
      expect(((await search.json()) as { count: number }).count).toBe(2);
    } finally {
      await second.close();
    }
    const after = await migrationRows(dataDir);
    expect(after.rows).toEqual(before.rows);
  });

  it('loads the demo library into an empty folder only once', async () => {
    const dataDir = await tempDir();
    const program = uniqueProgram('demo-once');
    const first = await startTestService({ NOF1_DEMO: '1', NOF1_DATA_DIR: dataDir });
    const count = async (svc: typeof first) =>
      ((await (await svc.call('GET', '/v1/content/blocks?limit=500&includeUnusable=true')).json()) as { count: number })
        .count;
    let demoCount = 0;
    try {
      demoCount = await count(first);
      expect(demoCount).toBeGreaterThanOrEqual(60);
      await first.call('POST', '/v1/content/import', { body: { blocks: [block({ program })] } });
    } finally {
      await first.close();
    }
    const second = await startTestService({ NOF1_DEMO: '1', NOF1_DATA_DIR: dataDir });
    try {
      expect(await count(second)).toBe(demoCount + 1);
      expect(second.logs.some((l) => l.msg === 'demo content library loaded')).toBe(false);
    } finally {
      await second.close();
    }
  });
});

describe('the data folder lock', () => {
  it('refuses a second service in this process while the first is open', async () => {
    const dataDir = await tempDir();
    const first = await startTestService({ NOF1_DEMO: '0', NOF1_DATA_DIR: dataDir });
    onTestFinished(() => first.close());
    await expect(startTestService({ NOF1_DEMO: '0', NOF1_DATA_DIR: dataDir })).rejects.toThrow(
      /already in use by this process/,
    );
    expect((await first.call('GET', '/healthz')).status).toBe(200);
  });

  it('refuses a second process with a clear message naming the folder, and frees the folder on close', async () => {
    const dataDir = await tempDir();
    const first = await startTestService({ NOF1_DEMO: '0', NOF1_DATA_DIR: dataDir });
    let firstOpen = true;
    onTestFinished(() => (firstOpen ? first.close() : undefined));
    const file = join(dataDir, 'blocks.json');
    await writeFile(file, JSON.stringify([block()]));
    const run = () => runNof1(['content', 'import', file], { NOF1_DATA_DIR: dataDir });
    const refused = await run();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(dataDir);
    expect(refused.stderr).toContain('in use by another process');

    await first.close();
    firstOpen = false;
    expect(await run()).toMatchObject({ code: 0 });
  });
});
