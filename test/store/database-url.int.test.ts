import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createHashEmbedder } from '../../src/content/embedder.js';
import { Block } from '../../src/domain/block.js';
import { createContentRepo } from '../../src/store/content-repo.js';
import { MIGRATIONS } from '../../src/store/migration-list.js';
import { migrate } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open-store.js';
import { block, uniqueProgram, WINDOW } from '../support/blocks.js';
import { startTestService } from '../support/service.js';
import { tempDir } from '../support/temp-dir.js';
import { startWirePostgres } from '../support/wire-postgres.js';

/** A server and a plain `pg` store on it, both closed when the test ends (store first). */
async function wireStore() {
  const server = await startWirePostgres();
  onTestFinished(() => server.close());
  const store = await openStore({ databaseUrl: server.url, dataDir: 'unused', poolMax: 1 });
  onTestFinished(() => store.close());
  return { server, store, repo: createContentRepo(store.pool, createHashEmbedder()) };
}

const asBlock = (b: ReturnType<typeof block>) => Block.parse(b);

describe('DATABASE_URL over the Postgres wire protocol', () => {
  it('opens a postgres store, applies every migration once and records it', async () => {
    const { server, store } = await wireStore();
    expect(store.kind).toBe('postgres');
    expect(server.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    const versions = await store.pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY 1');
    expect(versions.rows.map((r) => r.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(await migrate(store.pool)).toEqual([]);
    const ext = await store.pool.query("SELECT 1 FROM pg_extension WHERE extname = 'vector'");
    expect(ext.rowCount).toBe(1);
  });

  it('runs the content repository: import, list, search, versions and history', async () => {
    const { repo } = await wireStore();
    const program = uniqueProgram('wire');
    const cost = block({ program, text: 'A savings card can lower your copay at the pharmacy.' });
    const remind = block({ program, kind: 'education', text: 'Set a weekly reminder for your injection day.' });
    const expired = block({ program, text: 'An old copay savings offer.', approval: WINDOW.expired });

    expect(await repo.importBlocks([cost, remind, expired].map(asBlock))).toEqual({
      imported: 3,
      updated: 0,
      unchanged: 0,
    });
    expect((await repo.list({ program, limit: 10 })).map((b) => b.id).sort()).toEqual([cost.id, remind.id].sort());
    const all = await repo.list({ program, limit: 10, includeUnusable: true });
    expect(all.find((b) => b.id === expired.id)?.usable).toBe(false);

    const found = await repo.search('copay savings card', { program, channel: 'sms', limit: 5 });
    expect(found[0]?.id).toBe(cost.id);
    expect(found.map((b) => b.id)).not.toContain(expired.id);

    const changed = { ...cost, text: 'A savings card may lower your copay.' };
    expect(await repo.importBlocks([asBlock(changed), asBlock(remind)])).toEqual({
      imported: 0,
      updated: 1,
      unchanged: 1,
    });
    const history = await repo.history(cost.id);
    expect(history.map((h) => [h.version, h.block.text])).toEqual([
      [1, cost.text],
      [2, changed.text],
    ]);
    expect(await repo.byIds([cost.id])).toMatchObject([{ version: 2, text: changed.text }]);
  });

  it('serves the full HTTP service on DATABASE_URL without touching the data folder', async () => {
    const server = await startWirePostgres();
    onTestFinished(() => server.close());
    const dataDir = join(await tempDir(), 'never-created');
    const svc = await startTestService({
      DATABASE_URL: server.url,
      NOF1_DB_POOL_MAX: '1',
      NOF1_DATA_DIR: dataDir,
      NOF1_DEMO: '0',
    });
    onTestFinished(() => svc.close());
    expect(svc.logs.find((l) => l.msg === 'nof1 listening')).toMatchObject({ store: 'postgres' });

    const program = uniqueProgram('wire-http');
    const blocks = [block({ program }), block({ program, channels: ['email'] })];
    const imp = await svc.call('POST', '/v1/content/import', { key: 'strategist', body: { blocks } });
    expect(await imp.json()).toMatchObject({ imported: 2, rejected: [] });
    const res = await svc.call('GET', `/v1/content/blocks?program=${program}&channel=sms&q=savings`);
    expect(await res.json()).toMatchObject({ count: 1, blocks: [{ id: blocks[0]!.id }] });
    expect((await svc.call('GET', '/healthz', { key: null })).status).toBe(200);
    await expect(access(dataDir)).rejects.toThrow();
  });
});
